package org.aguavoz.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stops the embedded server when the application stops, after every other shutdown observer (the last priority):
 * the server belongs to the application, not to the JVM. Tests start several applications in one JVM (one per
 * test profile), each with its own throw-away database, as the embedded-PostgreSQL extension did.
 */
@ApplicationScoped
class StopEmbeddedServer {

    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent shutdown) {
        EmbeddedServer.stopIfRunning();
    }
}
