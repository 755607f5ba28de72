package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.aguavoz.TestClients;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.staff.AddStaffUser;
import org.aguavoz.staff.StaffRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Login, sessions, CSRF, login delays, headers and page weight of the dashboard, over plain HTTP. */
@QuarkusTest
class DashboardSecurityTest {

    @Inject
    TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToTheLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/tickets/1234").then().statusCode(302).header("Location", endsWith("/login"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        // The API keeps answering 401 to a missing password, not a redirect meant for people.
        given().get("/api/v1/tickets").then().statusCode(401);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        given().get("/login").then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff");
        String session = logIn("admin", TestStaff.ADMIN_PASSWORD);
        given().cookie("aguavoz-session", session).get("/").then().statusCode(200).header("X-Frame-Options", "DENY");
    }

    @Test
    void aFormPostWithoutItsTokenIsRefused() {
        String code = TestCommunities.create("Nueva Esperanza");
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        String session = logIn("admin", TestStaff.ADMIN_PASSWORD);

        given().cookie("aguavoz-session", session).redirects().follow(false).formParam("csrf", "forged")
                .cookie("aguavoz-csrf", "another").post("/tickets/{r}/acknowledge", reference).then().statusCode(403);
        given().cookie("aguavoz-session", session).redirects().follow(false)
                .post("/tickets/{r}/acknowledge", reference).then().statusCode(403);

        Response page = given().cookie("aguavoz-session", session).get("/tickets/{r}", reference);
        String token = page.getCookie("aguavoz-csrf");
        assertTrue(page.asString().contains("value=\"" + token + "\""), "the form carries the cookie's token");
        given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .redirects().follow(false).post("/tickets/{r}/acknowledge", reference)
                .then().statusCode(303).header("Location", endsWith("/tickets/" + reference));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("acknowledged"))
                .body("events[1].actorName", equalTo("admin")).body("events[1].channel", equalTo("dashboard"));
    }

    @Test
    void aViewerMayReadButNotAct() {
        String code = TestCommunities.create("Los Pinos Altos");
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        TestStaff.asViewer().get("/api/v1/agency").then().statusCode(200);
        String session = logIn("test-viewer", TestStaff.PASSWORD);
        given().cookie("aguavoz-session", session).get("/tickets/{r}", reference).then().statusCode(200);
        given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", "t".repeat(43)).formParam("csrf", "t".repeat(43))
                .redirects().follow(false).post("/tickets/{r}/acknowledge", reference).then().statusCode(403);
    }

    @Test
    void wrongPasswordsSlowDownTheFormFromThatAddressButNeverLockTheAccount() {
        String username = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(AddStaffUser.class).get()
                .add(username, "Lenta", StaffRole.STAFF, "right-password-1"));
        String from = TestClients.freshAddress();
        TestClients.Reply wrong = TestClients.formLogin(from, username, "wrong-password-1");
        assertEquals(302, wrong.status());
        assertTrue(wrong.header("Location").endsWith("/login?error=1"), wrong.header("Location"));

        TestClients.Reply refused = TestClients.formLogin(from, username, "right-password-1");
        assertEquals(302, refused.status());
        assertTrue(refused.header("Location").matches(".*/login\\?error=1&wait=1"), refused.header("Location"));
        assertFalse(refused.setsCookie("aguavoz-session"), "the right password was checked during the delay");
        given().get("/login?error=1&wait=1").then().statusCode(200)
                .body(containsString("Demasiados intentos fallidos desde este equipo. Vuelva a intentarlo en 1 s."));
        given().get("/login?error=1&wait=1&lang=en").then()
                .body(containsString("Too many failed attempts from this device. Try again in 1 s."));

        assertNotNull(tryLogIn(username, "right-password-1"), "the account was locked for everyone");
        clock.advance(Duration.ofSeconds(2));
        TestClients.Reply later = TestClients.formLogin(from, username, "right-password-1");
        assertEquals(302, later.status());
        assertTrue(later.setsCookie("aguavoz-session"), "the right password after the delay was refused");
    }

    @Test
    void theOpenTicketsPageWithItsStylesWeighsUnderOneHundredKilobytes() {
        String code = TestCommunities.create("Nuevo Joaquín Miguel Gutiérrez Ampliación");
        for (int i = 0; i < 55; i++) { // more than a page (50 rows), with the longest community name we know
            TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " no hay agua en toda la calle");
        }
        String session = logIn("admin", TestStaff.ADMIN_PASSWORD);
        int page = given().cookie("aguavoz-session", session).get("/").then().statusCode(200).extract().asByteArray().length;
        int css = given().get("/app.css").then().statusCode(200).extract().asByteArray().length;
        System.out.printf("DashboardSecurityTest: open tickets page %d bytes + app.css %d bytes = %.1f KB (first page of 50)%n",
                page, css, (page + css) / 1024.0);
        assertTrue(page + css < 100 * 1024, page + css + " bytes");
    }

    @Test
    void aLoginWithoutTheFormsTokenIsRefused() {
        for (String[] token : new String[][] {{null, null}, {"t".repeat(43), null}, {null, "t".repeat(43)},
                {"t".repeat(43), "u".repeat(43)}}) {
            var request = given().redirects().follow(false).formParam("j_username", "admin")
                    .formParam("j_password", TestStaff.ADMIN_PASSWORD);
            if (token[0] != null) {
                request.formParam("csrf", token[0]);
            }
            if (token[1] != null) {
                request.cookie("aguavoz-csrf", token[1]);
            }
            Response response = request.post("/j_security_check");
            response.then().statusCode(302).header("Location", endsWith("/login?error=1"));
            assertNull(response.getCookie("aguavoz-session"), "a login without its token opened a session");
        }
        assertNotNull(TestStaff.tryLogIn("admin", TestStaff.ADMIN_PASSWORD), "with the login page's token it works");
    }

    @Test
    void redirectsNeverNameTheHostARequestClaims() {
        String evil = "evil.example";
        given().redirects().follow(false).header("Host", evil).get("/").then().statusCode(302)
                .header("Location", "/login");
        given().redirects().follow(false).header("Host", evil).get("/logout").then().statusCode(303)
                .header("Location", "/");
        String csrf = TestStaff.loginPageToken();
        Response login = given().redirects().follow(false).header("Host", evil).cookie("aguavoz-csrf", csrf)
                .formParam("csrf", csrf).formParam("j_username", "admin")
                .formParam("j_password", TestStaff.ADMIN_PASSWORD).post("/j_security_check");
        login.then().statusCode(302).header("Location", "/");
        // The return address the form login keeps in a cookie was made from the Host too.
        given().redirects().follow(false).header("Host", evil)
                .cookie("quarkus-redirect-location", "http://evil.example/x").cookie("aguavoz-csrf", csrf).formParam("csrf", csrf).formParam("j_username", "admin")
                .formParam("j_password", TestStaff.ADMIN_PASSWORD).post("/j_security_check")
                .then().statusCode(302).header("Location", "/x");
    }

    @Test
    void everyCookieIsSecureWhenThePublicUrlIsHttps() {
        // The test profile's public URL is https://agua.example.mx; the tests talk plain HTTP to localhost, as the
        // app does behind a proxy that ends TLS.
        Response page = given().get("/login?lang=en");
        assertTrue(page.getDetailedCookie("aguavoz-csrf").isSecured(), "aguavoz-csrf");
        assertTrue(page.getDetailedCookie("aguavoz-lang").isSecured(), "aguavoz-lang");
        String csrf = page.getCookie("aguavoz-csrf");
        Response login = given().redirects().follow(false).cookie("aguavoz-csrf", csrf).formParam("csrf", csrf)
                .formParam("j_username", "admin").formParam("j_password", TestStaff.ADMIN_PASSWORD)
                .post("/j_security_check");
        assertTrue(login.getDetailedCookie("aguavoz-session").isSecured(), "aguavoz-session");
        assertTrue(login.getDetailedCookie("aguavoz-session").isHttpOnly(), "aguavoz-session is HttpOnly");
        Response challenge = given().redirects().follow(false).get("/settings");
        assertTrue(challenge.getDetailedCookie("quarkus-redirect-location").isSecured(), "quarkus-redirect-location");
    }

    static String logIn(String username, String password) {
        return TestStaff.logIn(username, password);
    }

    static String tryLogIn(String username, String password) {
        return TestStaff.tryLogIn(username, password);
    }
}
