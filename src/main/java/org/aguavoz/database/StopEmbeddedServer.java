package org.aguavoz.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * In tests, stops the embedded server when the application stops, after every other shutdown observer (the last
 * priority): tests start several applications in one JVM (one per test profile), each with its own throw-away
 * database. A packaged or demo start stops it later, when the JVM exits after the application ({@link
 * StopDatabaseLast}): shutdown observers run while jobs and the connection pool may still use it.
 */
@ApplicationScoped
class StopEmbeddedServer {

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent shutdown) {
        if (!StopDatabaseLast.applies()) {
            EmbeddedServer.stopIfRunning();
        }
    }
}
