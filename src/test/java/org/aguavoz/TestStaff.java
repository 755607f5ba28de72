package org.aguavoz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.aguavoz.staff.AddStaffUser;
import org.aguavoz.staff.StaffRole;
import org.aguavoz.staff.StaffUsers;

/**
 * Staff accounts for API tests: the admin from the test profile, plus a staff and a viewer account; and the
 * dashboard's login as a browser does it (the login page first, for its CSRF token).
 */
public final class TestStaff {

    public static final String ADMIN_PASSWORD = "agua-test-2026";
    public static final String PASSWORD = "test-password-1";

    private TestStaff() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification asStaff() {
        ensure("test-staff", StaffRole.STAFF);
        return given().auth().preemptive().basic("test-staff", PASSWORD);
    }

    public static RequestSpecification asViewer() {
        ensure("test-viewer", StaffRole.VIEWER);
        return given().auth().preemptive().basic("test-viewer", PASSWORD);
    }

    private static void ensure(String username, StaffRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUsers users = Arc.container().instance(StaffUsers.class).get();
            if (users.byUsername(username).isEmpty()) {
                Arc.container().instance(AddStaffUser.class).get().add(username, username, role, PASSWORD);
            }
        });
    }

    /** The session cookie after a successful dashboard login. */
    public static String logIn(String username, String password) {
        String session = tryLogIn(username, password);
        assertNotNull(session, "login of " + username + " failed");
        return session;
    }

    /** The session cookie, or null when the login was refused. */
    public static String tryLogIn(String username, String password) {
        String csrf = loginPageToken();
        Response response = given().redirects().follow(false).cookie("aguavoz-csrf", csrf).formParam("csrf", csrf)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
        assertEquals(302, response.statusCode());
        return response.getHeader("Location").contains("error=1") ? null : response.getCookie("aguavoz-session");
    }

    /** The CSRF token the login page gives a new visitor (cookie and hidden field hold the same value). */
    public static String loginPageToken() {
        Response page = given().get("/login");
        String token = page.getCookie("aguavoz-csrf");
        assertNotNull(token, "the login page set no CSRF cookie");
        assertEquals(true, page.asString().contains("name=\"csrf\" value=\"" + token + "\""),
                "the login form carries the cookie's token");
        return token;
    }
}
