package org.aguavoz.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * The admin user takes AGUAVOZ_ADMIN_PASSWORD at every start. The check runs beside the start (a bcrypt the
 * readiness check does not wait for), so the first login right after a restart must already see the new password.
 */
class AdminPasswordIT {

    private static final String FIRST = "first-admin-password-2026";
    private static final String SECOND = "second-admin-password-2026";

    @Test
    void aRestartWithAnotherPasswordChangesItBeforeTheFirstLogin() {
        var workDir = PackagedApp.freshDirectory("AdminPasswordIT");
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(),
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", FIRST))) {
            app.awaitReady(Duration.ofSeconds(60));
            assertEquals(200, communities(app, FIRST).statusCode(), "the first start's password");
        }
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, List.of(),
                PackagedApp.env("AGUAVOZ_ADMIN_PASSWORD", SECOND))) {
            // Asked as soon as the app is ready, while the password may still be being set.
            app.awaitReadyOrExit(Duration.ofSeconds(60), Duration.ofMillis(20)).orElseThrow();
            assertEquals(200, communities(app, SECOND).statusCode(), "the new password, right after the restart");
            assertEquals(401, communities(app, FIRST).statusCode(), "the old password after the restart");
        }
    }

    private static HttpResponse<String> communities(PackagedApp app, String password) {
        return app.send(app.request("/api/v1/communities")
                .header("Authorization", PackagedApp.basicAuth(PackagedApp.ADMIN, password)).GET().build());
    }
}
