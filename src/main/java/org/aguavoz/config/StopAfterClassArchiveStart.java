package org.aguavoz.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The systemd unit (deploy/aguavoz.service) makes a class-data archive (AppCDS) of this installation with a start of
 * its own, {@code java -XX:ArchiveClassesAtExit=… -Dquarkus.appcds.generate=true -jar …}: the JVM writes the classes
 * that run loaded when it exits, and later starts map them instead of loading and verifying them again. Quarkus
 * starts as usual with that flag and would then wait for a stop, so AguaVoz stops itself once it has started, after
 * asking its own readiness check once: a restart counts as done when that first answer comes, and its classes in the
 * archive make it come sooner.
 */
class StopAfterClassArchiveStart {

    private static final Logger LOG = Logger.getLogger(StopAfterClassArchiveStart.class);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    void stop(@Observes @Priority(Integer.MAX_VALUE) StartupEvent start,
            @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000") int managementPort) {
        if (!ApplicationLifecycleManager.isAppCDSGeneration()) {
            return;
        }
        // The management port opens after the start-up observers: ask from a thread of its own, then stop.
        Thread ask = new Thread(() -> {
            askReadiness(managementPort);
            Quarkus.asyncExit();
        }, "class-archive-start");
        ask.setDaemon(true);
        ask.start();
    }

    private static void askReadiness(int port) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection ready = (HttpURLConnection) new URL("http://localhost:" + port + "/q/health/ready")
                        .openConnection();
                ready.setConnectTimeout(1000);
                ready.setReadTimeout(10_000);
                try (InputStream body = ready.getInputStream()) {
                    body.readAllBytes();
                    return;
                }
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        LOG.warnf("The readiness check on port %d did not answer within %d s: the archive lacks its classes", port,
                GIVE_UP.toSeconds());
    }
}
