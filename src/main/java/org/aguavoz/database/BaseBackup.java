package org.aguavoz.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One base backup of the running embedded server into one archive, with PostgreSQL's low-level API: the embedded
 * server's binaries hold no pg_dump or pg_basebackup. In one session: reserve the WAL, {@code pg_backup_start},
 * copy the data directory, {@code pg_backup_stop}, then add the WAL written meanwhile and the returned
 * {@code backup_label}. A server started on the unpacked archive finds the label, replays that WAL and is then
 * exactly the database of the moment the backup ended; no recovery.signal is needed (and none is wanted: it would
 * ask for archived WAL that an embedded server does not keep).
 */
final class BaseBackup {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Temporary: PostgreSQL drops it when the session ends, however it ends, so no WAL is held forever. */
    private static final String SLOT = "aguavoz_backup";

    record Taken(Path file, long bytes) {
    }

    private BaseBackup() {
    }

    static String fileName(Instant at) {
        return BackupRotation.PREFIX + NAME_TIME.format(at) + BackupRotation.SUFFIX;
    }

    /**
     * Writes {@code dir/aguavoz-<at>.tar.gz}, complete and on disk, or nothing. {@code jdbcUrl} is the superuser's;
     * its own connection, not the pool's: closing it is what ends a backup that failed half-way.
     */
    static Taken take(String jdbcUrl, Path dir, Instant at) throws SQLException, IOException {
        Files.createDirectories(dir);
        BackupRotation.deletePartials(dir);
        Path target = dir.resolve(fileName(at));
        Path partial = dir.resolve(target.getFileName() + BackupRotation.PARTIAL);
        try (Connection session = DriverManager.getConnection(jdbcUrl);
                Statement statement = session.createStatement();
                DataDirArchive archive = new DataDirArchive(partial)) {
            // Without WAL archiving, a checkpoint during the copy could recycle the segments the restore must
            // replay; the slot keeps them, from before the backup's start, until this session ends.
            statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true, true)");
            Path dataDir = Path.of(single(statement, "show data_directory"));
            String firstSegment;
            try (PreparedStatement start = session.prepareStatement(
                    "select pg_walfile_name(lsn) from pg_backup_start(?, true) as lsn")) {
                // fast: an immediate checkpoint, so an operator's backup before an upgrade does not wait minutes
                start.setString(1, target.getFileName().toString());
                firstSegment = single(start.executeQuery());
            }
            archive.addDataFiles(dataDir);
            String label;
            String tablespaceMap;
            String lastSegment;
            // Archiving is off: waiting for it would wait forever. The WAL is copied from pg_wal just below.
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile, pg_walfile_name(lsn)"
                    + " from pg_backup_stop(wait_for_archive => false)")) {
                stop.next();
                label = stop.getString(1);
                tablespaceMap = stop.getString(2);
                lastSegment = stop.getString(3);
            }
            archive.addWal(dataDir, firstSegment, lastSegment);
            for (String segment : new String[] {firstSegment, lastSegment}) {
                if (!archive.contains(DataDirArchive.WAL + "/" + segment)) {
                    throw new IOException("WAL segment " + segment + " was gone before it was copied: the backup"
                            + " could not be restored");
                }
            }
            // Byte for byte, as the documentation insists: the server reads where to start replay from it.
            archive.addFile("backup_label", label.getBytes(StandardCharsets.UTF_8));
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                archive.addFile("tablespace_map", tablespaceMap.getBytes(StandardCharsets.UTF_8));
            }
            archive.finishAndSync();
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(dir);
        return new Taken(target, Files.size(target));
    }

    /** The rename is durable only once the directory is: otherwise a power cut may bring back the partial name. */
    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            return single(result);
        }
    }

    private static String single(ResultSet result) throws SQLException {
        try (result) {
            result.next();
            return result.getString(1);
        }
    }
}
