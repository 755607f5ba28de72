package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What of a data directory goes into a base backup, after PostgreSQL's "Making a Base Backup" list. */
class DataDirArchiveTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PG_VERSION                          | true
            global/pg_control                   | true
            base/5/16384                        | true
            base/5/16384_fsm                    | true
            pg_xact/0000                        | true
            postgresql.conf                     | true
            pg_replslot                         | true
            pg_stat_tmp                         | true
            postmaster.pid                      | false
            postmaster.opts                     | false
            epg-lock                            | false
            backup_label                        | false
            tablespace_map                      | false
            base/5/backup_label                 | true
            pg_wal/000000010000000000000001     | false
            pg_replslot/aguavoz_backup/state    | false
            pg_dynshmem/mmap.1                  | false
            pg_notify/0000                      | false
            pg_serial/0000                      | false
            pg_snapshots/00000003-1             | false
            pg_stat_tmp/global.stat             | false
            pg_subtrans/0000                    | false
            base/pgsql_tmp                      | false
            base/pgsql_tmp/pgsql_tmp1234.0      | false
            base/5/pg_internal.init             | false
            global/pg_internal.init             | false
            """)
    void belongsInABaseBackup(String path, boolean expected) {
        assertEquals(expected, DataDirArchive.belongs(path));
    }
}
