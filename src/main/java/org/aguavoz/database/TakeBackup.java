package org.aguavoz.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Backs up the embedded database: on the schedule, and when an operator asks ({@link BackupResource}, before an
 * upgrade). Then keeps the newest {@link BackupConfig#keep()} archives. With an external PostgreSQL it does nothing:
 * its backups are the agency's. Only one instance runs on an embedded database, so the schedule needs no
 * cluster-wide lock; the lock here keeps a manual backup and the scheduled one apart.
 */
@ApplicationScoped
class TakeBackup {

    static final String DEFAULT_SCHEDULE = "0 0 3 * * ?";
    private static final Logger LOG = Logger.getLogger(TakeBackup.class);

    private final BackupConfig config;
    private final Clock clock;
    private final String url;
    private final Counter failures;
    /** Epoch seconds of the newest backup, 0 for none: alert when it grows older than a day or two. */
    private final AtomicLong lastSuccess = new AtomicLong();
    private final ReentrantLock running = new ReentrantLock();

    TakeBackup(BackupConfig config, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.config = config;
        this.clock = clock;
        this.url = url;
        this.failures = metrics.counter("aguavoz.backup.failures");
        metrics.gauge("aguavoz.backup.last.success", lastSuccess);
    }

    /** Says at start what is backed up, and where; a restart does not reset the age of the last backup. */
    void announce(@Observes StartupEvent start) {
        if (!embedded()) {
            LOG.info("AguaVoz does not back up an external PostgreSQL: its backups are the agency's (README,"
                    + " \"Backups and restore\")");
            return;
        }
        try {
            Optional<Path> newest = BackupRotation.newest(dir());
            if (newest.isPresent()) {
                lastSuccess.set(Files.getLastModifiedTime(newest.get()).toInstant().getEpochSecond());
            }
        } catch (IOException e) {
            LOG.warnf("The backup directory %s cannot be read: %s", dir(), e.getMessage());
        }
        if (config.enabled()) {
            LOG.infof("Backups of the embedded database: on \"%s\" (cron, server time) into %s, keeping the newest %d",
                    config.schedule(), dir().toAbsolutePath(), config.keep());
        } else {
            LOG.warn("Scheduled backups of the embedded database are off (AGUAVOZ_BACKUP_ENABLED=false)");
        }
    }

    @Scheduled(identity = "backup", cron = "${aguavoz.backup.schedule:" + DEFAULT_SCHEDULE + "}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (!embedded() || !config.enabled()) {
            return;
        }
        try {
            now();
        } catch (BackupRunning alreadyTaken) {
            LOG.info("A backup asked for by an operator is running; the scheduled one is skipped");
        } catch (BackupFailed logged) {
            // counted and logged in now()
        }
    }

    /** Takes a backup now. */
    BaseBackup.Taken now() {
        if (!embedded()) {
            throw new NoEmbeddedDatabase();
        }
        if (!running.tryLock()) {
            throw new BackupRunning();
        }
        long started = System.nanoTime();
        try {
            BaseBackup.Taken taken = BaseBackup.take(url, dir(), clock.instant());
            lastSuccess.set(clock.instant().getEpochSecond());
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.infof("Backup %s written: %d kB in %d ms", taken.file().toAbsolutePath(), taken.bytes() / 1024,
                    millis);
            for (Path deleted : BackupRotation.keepNewest(dir(), config.keep())) {
                LOG.infof("Backup %s deleted: the newest %d are kept", deleted.getFileName(), config.keep());
            }
            return taken;
        } catch (SQLException | IOException | RuntimeException e) {
            failures.increment();
            LOG.errorf(e, "The backup of the embedded database into %s failed", dir().toAbsolutePath());
            throw new BackupFailed(e);
        } finally {
            running.unlock();
        }
    }

    private boolean embedded() {
        return EmbeddedServer.isRunning(url);
    }

    private Path dir() {
        return Path.of(config.dir());
    }

    static final class NoEmbeddedDatabase extends RuntimeException {
        NoEmbeddedDatabase() {
            super("AguaVoz runs on an external PostgreSQL: back it up with the agency's own tools", null, false, false);
        }
    }

    static final class BackupRunning extends RuntimeException {
        BackupRunning() {
            super("A backup is already running", null, false, false);
        }
    }

    static final class BackupFailed extends RuntimeException {
        BackupFailed(Exception cause) {
            super("The backup failed: " + cause.getMessage(), cause);
        }
    }
}
