package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL of a production start, as an operator runs it: durable, and a hard kill of the app (its
 * server left running, as after {@code kill -9} or the out-of-memory killer) followed by a plain start loses
 * nothing and needs no manual step; a plain {@code kill} stops app and server within 10 s.
 */
class EmbeddedDatabaseIT {

    private static final String PASSWORD = "a-long-enough-password";
    private static final Map<String, String> ENV = PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", PASSWORD);
    private static final String AUTH = PackagedApp.basicAuth(PackagedApp.ADMIN, PASSWORD);

    @Test
    void durableAndBackAfterAHardKillWithoutAManualStep() throws Exception {
        Path workDir = PackagedApp.freshDirectory("EmbeddedDatabaseIT");

        long orphan;
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(), ENV)) { // close() leaves a killed app's server
            Duration ready = app.awaitReady(Duration.ofSeconds(90));
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), serverSettings(),
                    "the embedded server of a production start");
            createCommunity(app, "901", "Agua Que Sobrevive");
            // Right after the 201: what was acknowledged must be on disk, whatever happens next.
            orphan = app.killHard().orElseThrow(() -> new AssertionError(
                    "no embedded PostgreSQL left after kill -9: the test would not test a leftover server"));
            System.out.printf("EmbeddedDatabaseIT: first start ready in %d ms; killed hard, server pid %d left%n",
                    ready.toMillis(), orphan);
        }

        try {
            try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(), ENV)) {
                Duration ready = app.awaitReady(Duration.ofSeconds(90));
                assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                        "the earlier server (pid " + orphan + ") still runs");
                assertTrue(app.output().contains("The embedded PostgreSQL of an earlier run (pid " + orphan + ")"),
                        "the start does not say it stopped the earlier server:\n" + app.output());
                var community = app.send(
                        app.request("/api/v1/communities/901").header("Authorization", AUTH).GET().build());
                assertEquals(200, community.statusCode(), "the community created before the kill: " + community.body());
                assertTrue(community.body().contains("Agua Que Sobrevive"), community.body());
                assertEquals("on", serverSettings().get("fsync"), "after the restart");

                long postmaster = app.embeddedPostmasterPid().orElseThrow();
                long stopping = System.nanoTime();
                app.close(); // SIGTERM, as systemd or an operator's kill
                awaitGone(postmaster, Duration.ofSeconds(10));
                long stopMillis = Duration.ofNanos(System.nanoTime() - stopping).toMillis();
                assertFalse(app.processHandle().isAlive(), "the app still runs");
                assertTrue(stopMillis < 10_000, "app and database took " + stopMillis + " ms to stop");
                System.out.printf("EmbeddedDatabaseIT: start after the hard kill ready in %d ms (leftover stopped);"
                        + " kill stopped app and database in %d ms%n", ready.toMillis(), stopMillis);
            }
        } finally {
            // A failed start must not leave the earlier server to the next test.
            ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy);
        }
    }

    private static void createCommunity(PackagedApp app, String code, String name) {
        var response = app.send(app.request("/api/v1/communities").header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}"))
                .build());
        assertEquals(201, response.statusCode(), response.body());
    }

    private static Map<String, String> serverSettings() throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl("jdbc:postgresql://127.0.0.1:" + PackagedApp.EMBEDDED_PG_PORT + "/postgres");
        server.setUser("postgres");
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = server.getConnection()) {
            for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (var show = connection.createStatement().executeQuery("show " + name)) {
                    show.next();
                    settings.put(name, show.getString(1));
                }
            }
        }
        return settings;
    }

    private static void awaitGone(long pid, Duration within) throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        long deadline = System.nanoTime() + within.toNanos();
        while (process.map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < deadline, "the embedded PostgreSQL (pid " + pid + ") still runs " + within
                    + " after the app was stopped");
            Thread.sleep(50);
        }
    }
}
