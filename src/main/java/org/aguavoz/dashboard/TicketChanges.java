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
    /** How long one wait for notifications lasts: a stop waits for at most this. */
    private static final int LISTEN_WAIT_MILLIS = 500;

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

    /**
     * Waits for the listener to give its connection back, so that the pool is not closed under it: an interrupt does
     * not end a wait for notifications (a socket read), hence the short waits of {@link #listen}.
     */
    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2 * LISTEN_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen ticket_changed");
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(LISTEN_WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            changes.onNext(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    // An external server being restarted ends this connection (a stop of the app no longer does: the
                    // embedded server stops after it, see StopDatabaseLast); a failure to come back still warns.
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
