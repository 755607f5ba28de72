package org.aguavoz.database;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;
import sun.misc.Signal;

/**
 * A stop asked by the operator — systemd's SIGTERM, {@code kill}, Ctrl-C — stops the application first and its
 * embedded PostgreSQL after it.
 *
 * <p>Left to the JVM, such a signal starts every shutdown hook at once: Quarkus' own, which stops the application
 * (an outbox send or a job may still be in a transaction), and the database library's, which stops the server at
 * once and cuts those transactions off ("terminating connection due to administrator command"; an SMS that Twilio
 * accepted could stay marked unsent and go out twice). Here the signal only asks Quarkus to stop; once it has, the
 * JVM exits and the library's hook stops the server with nothing left using it. A second signal exits at once, as
 * the JVM would have.
 *
 * <p>Only for a packaged or demo start: tests run several applications in one JVM and stop each server with its
 * application ({@link StopEmbeddedServer}).
 */
final class StopDatabaseLast {

    private static final Logger LOG = Logger.getLogger(StopDatabaseLast.class);
    private static final List<String> STOP_SIGNALS = List.of("TERM", "INT", "HUP");
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private StopDatabaseLast() {
    }

    /** Whether the server is stopped by the JVM's exit, after the application, rather than with the application. */
    static boolean applies() {
        return LaunchMode.current() == LaunchMode.NORMAL;
    }

    static void install() {
        if (!applies() || !INSTALLED.compareAndSet(false, true)) {
            return;
        }
        for (String name : STOP_SIGNALS) {
            try {
                Signal.handle(new Signal(name), StopDatabaseLast::stop);
            } catch (IllegalArgumentException notHere) {
                // -Xrs, or a signal this system does not have: the JVM's default (every hook at once) stays.
                LOG.debugf("SIG%s keeps the JVM's own handling: %s", name, notHere.getMessage());
            }
        }
    }

    private static void stop(Signal signal) {
        if (STOPPING.compareAndSet(false, true)) {
            // An asked-for stop is a clean one (systemd counts exit status 0 as stopped, 143 as failed).
            Quarkus.asyncExit(0);
        } else {
            System.exit(128 + signal.getNumber());
        }
    }
}
