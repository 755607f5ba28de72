package org.aguavoz.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears PostgreSQL's {@code ticket_changed} notifications (sent by a trigger when a ticket's transaction commits,
 * whichever instance made the change) and hands the references to the dashboards this instance serves. One
 * connection is kept for LISTEN; if it breaks, it is opened again.
 */
@ApplicationScoped
public class TicketChanges {

    private static final Logger LOG = Logger.getLogger(TicketChanges.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    /** PostgreSQL's SQLSTATE for "terminating connection due to administrator command" (a shutdown). */
    private static final String ADMIN_SHUTDOWN = "57P01";

    private final DataSource dataSource;
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    TicketChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** References of tickets as they change. */
    public Multi<String> stream() {
        return changes;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        listener = new Thread(this::listen, "ticket-changes-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen ticket_changed");
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changes.onNext(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // The embedded server's library stops it from a JVM shutdown hook of its own, which runs beside
                    // Quarkus' and may end this connection before stop() is called: every stop of the app would warn.
                    // An external server being restarted ends it the same way; a failure to come back still warns.
                    if (e instanceof SQLException sql && ADMIN_SHUTDOWN.equals(sql.getSQLState())) {
                        LOG.infof("The database is shutting down; listening for ticket changes again in %d s",
                                RETRY.toSeconds());
                    } else {
                        LOG.warnf("Listening for ticket changes failed (%s); trying again in %d s", e.getMessage(),
                                RETRY.toSeconds());
                    }
                    try {
                        Thread.sleep(RETRY.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
