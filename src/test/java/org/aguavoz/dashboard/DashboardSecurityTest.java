package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The session cookie after a successful login. */
    static String logIn(String username, String password) {
        String session = tryLogIn(username, password);
        assertNotNull(session, "login of " + username + " failed");
        return session;
    }

    static String tryLogIn(String username, String password) {
        Response response = given().redirects().follow(false).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
        assertEquals(302, response.statusCode());
        return response.getHeader("Location").contains("error=1") ? null : response.getCookie("aguavoz-session");
    }
}
