package org.aguavoz.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Backups of the embedded database ({@link TakeBackup}); an external PostgreSQL is backed up by its agency. */
@ConfigMapping(prefix = "aguavoz.backup")
public interface BackupConfig {

    /** AGUAVOZ_BACKUP_ENABLED: the scheduled backup; a backup asked for through the API is taken regardless. */
    @WithDefault("true")
    boolean enabled();

    /**
     * AGUAVOZ_BACKUP_SCHEDULE: a Quartz cron expression in the server's time zone. 03:00: no committee works then,
     * and a backup's checkpoint and copy would slow the morning's reports on a small server.
     */
    @WithDefault(TakeBackup.DEFAULT_SCHEDULE)
    String schedule();

    /** AGUAVOZ_BACKUP_KEEP: two weeks of daily backups reach back past a problem noticed only after a weekend. */
    @Min(1)
    @WithDefault("14")
    int keep();

    /** AGUAVOZ_BACKUP_DIR: beside the data directory by default; better on another disk. */
    @WithDefault("data/backups")
    String dir();
}
