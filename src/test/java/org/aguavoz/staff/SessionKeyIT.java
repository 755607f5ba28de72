package org.aguavoz.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * The session key of the packaged app on its embedded PostgreSQL, started as an operator does without
 * QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY: made once, kept owner-only in the data directory, never logged.
 */
class SessionKeyIT {

    private static final String ADMIN_PASSWORD = "session-key-admin-2026";

    @Test
    void aLoginSurvivesARestartAndACookieFromAnotherKeyIsRefused() throws IOException {
        Path workDir = PackagedApp.freshDirectory("SessionKeyIT");
        Map<String, String> env = PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> output = new ArrayList<>();

        String session;
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(), env)) {
            Duration ready = app.awaitReady(Duration.ofSeconds(60));
            System.out.printf("SessionKeyIT: first start (makes the key) ready in %d ms%n", ready.toMillis());
            session = app.logIn(PackagedApp.ADMIN, ADMIN_PASSWORD);
            assertEquals(200, dashboard(app, session).statusCode(), "the dashboard right after the login");
            output.addAll(app.outputLines());
        }

        Path keyFile = workDir.resolve("data/session.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        String key = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        assertTrue(key.length() >= 43, "the key file holds less than 32 bytes of key");

        try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(), env)) {
            Duration ready = app.awaitReady(Duration.ofSeconds(60));
            System.out.printf("SessionKeyIT: restart (same working directory) ready in %d ms%n", ready.toMillis());
            assertEquals(200, dashboard(app, session).statusCode(), "the cookie from before the restart");

            Instant expires = Instant.now().plus(Duration.ofMinutes(10));
            // The file holds the key in use: a cookie made with it is a session, one made with any other key is not.
            assertEquals(200, dashboard(app, new SessionCookie(PackagedApp.ADMIN, expires).encrypt(key)).statusCode(),
                    "a cookie made with the key of data/session.key");
            HttpResponse<String> forged = dashboard(app,
                    new SessionCookie(PackagedApp.ADMIN, expires).encrypt(SessionKeySource.newKey()));
            assertEquals(302, forged.statusCode(), "a cookie made with another key");
            assertTrue(forged.headers().firstValue("Location").orElse("").endsWith("/login"),
                    "a forged cookie is sent to the login page");
            output.addAll(app.outputLines());
        }

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        for (int i = 0; i < output.size(); i++) {
            // The message names the line, never the key.
            assertFalse(output.get(i).contains(key), "line " + (i + 1) + " of the app's output holds the session key");
            assertFalse(output.get(i).contains("temporary key"), "line " + (i + 1) + ": Quarkus made a key of its own");
        }
    }

    private static HttpResponse<String> dashboard(PackagedApp app, String session) {
        return app.send(app.request("/").header("Cookie", "aguavoz-session=" + session).GET().build());
    }
}
