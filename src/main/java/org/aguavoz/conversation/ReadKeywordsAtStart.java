package org.aguavoz.conversation;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Reads the keyword files (intake/keywords_*.txt) while AguaVoz starts, so that a malformed line stops AguaVoz with
 * its file and line, as a bad setting or flow file does, rather than failing the first villager's SMS; and so that
 * the first SMS finds the categoriser made. Reading them takes a few hundred milliseconds on a cold JVM, which nothing
 * else in the start needs: it runs beside the start, and a reply that needs the categoriser meanwhile waits for it
 * ({@link CategoryDetector#load} is made once, under a lock).
 */
@ApplicationScoped
class ReadKeywordsAtStart {

    private static final Logger LOG = Logger.getLogger(ReadKeywordsAtStart.class);

    void read(@Observes StartupEvent start) {
        Thread reading = new Thread(() -> {
            try {
                CategoryDetector.load();
            } catch (RuntimeException malformed) {
                LOG.errorf("AguaVoz stops: %s", malformed.getMessage());
                Quarkus.asyncExit(1);
            }
        }, "keyword-files-at-start");
        reading.setDaemon(true);
        reading.start();
    }
}
