package org.aguavoz.conversation;

import java.time.Duration;

import io.quarkus.runtime.Quarkus;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Reads the keyword files (intake/keywords_*.txt) as soon as AguaVoz has started, so that a malformed line stops
 * AguaVoz with its file and line (exit status 1), as a bad setting or flow file does, rather than failing the first
 * villager's SMS; and so that the first SMS finds the categoriser made.
 *
 * <p>Not during the start: on the cold JVM of a restart, reading and indexing some 1,300 phrases costs about a
 * second of CPU, and done beside the start, or as soon as the HTTP server listened, it delayed readiness by as much
 * (RestartBenchmark, 2 cores: 5.6 s instead of 4.6 s). It begins a few seconds after the server listens, once the
 * readiness check has answered and the messages Twilio held during the restart have been taken; an SMS that needs
 * the categoriser before that reads the files itself ({@link CategoryDetector#load} is made once, under a lock).
 */
@ApplicationScoped
class ReadKeywordsAtStart {

    private static final Logger LOG = Logger.getLogger(ReadKeywordsAtStart.class);
    private static final Duration AFTER_LISTENING = Duration.ofSeconds(5);

    void read(@Observes HttpServerStart listening) {
        Thread reading = new Thread(() -> {
            try {
                Thread.sleep(AFTER_LISTENING.toMillis());
                CategoryDetector.load();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException malformed) {
                LOG.errorf("AguaVoz stops: %s", malformed.getMessage());
                Quarkus.asyncExit(1);
            }
        }, "keyword-files-at-start");
        reading.setDaemon(true);
        reading.start();
    }
}
