package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.TestStaff;
import org.aguavoz.notices.Route;
import org.aguavoz.notices.RoutingRule;
import org.aguavoz.tickets.Category;
import org.junit.jupiter.api.Test;

/** The settings page: administrators only; each form changes what the API then shows. */
@QuarkusTest
class SettingsPagesTest {

    private final String token = "s".repeat(43);

    @Test
    void onlyAdministratorsSeeTheSettings() {
        TestStaff.asStaff().get("/api/v1/agency").then().statusCode(200);
        String staff = DashboardSecurityTest.logIn("test-staff", TestStaff.PASSWORD);
        given().cookie("aguavoz-session", staff).get("/settings").then().statusCode(403);
        String admin = DashboardSecurityTest.logIn("admin", TestStaff.ADMIN_PASSWORD);
        given().cookie("aguavoz-session", admin).get("/settings").then().statusCode(200)
                .body(containsString("Plazos por categoría")).body(containsString("test-staff"));
    }

    @Test
    void deadlinesRoutingAndQuietHoursAreSavedAndWrongValuesChangeNothing() {
        String admin = DashboardSecurityTest.logIn("admin", TestStaff.ADMIN_PASSWORD);
        try {
            post(admin, "/settings/categories/billing", Map.of("acknowledge", "48", "resolve", "240", "route", "BOTH"))
                    .header("Location", endsWith("/settings"));
            TestStaff.asViewer().get("/api/v1/categories").then().body("find { it.code == 'billing' }.acknowledgeWithin", equalTo("PT48H"))
                    .body("find { it.code == 'billing' }.resolveWithin", equalTo("P10D"));
            QuarkusTransaction.requiringNew().run(() -> org.junit.jupiter.api.Assertions.assertEquals(Route.BOTH,
                    RoutingRule.<RoutingRule>findById(Category.BILLING).route));
            post(admin, "/settings/categories/billing", Map.of("acknowledge", "300", "resolve", "200"))
                    .header("Location", endsWith("problem=1"));
            TestStaff.asViewer().get("/api/v1/categories").then().body("find { it.code == 'billing' }.acknowledgeWithin", equalTo("PT48H"));

            post(admin, "/settings/agency", Map.of("quietHours", "22:00-06:00", "timeZone", "Africa/Nairobi"));
            TestStaff.asViewer().get("/api/v1/agency").then().body("quietHours", equalTo("22:00-06:00"))
                    .body("timeZone", equalTo("Africa/Nairobi")).body("qualityEscalationsIgnoreQuietHours", equalTo(false));
            post(admin, "/settings/agency", Map.of("quietHours", "tarde", "timeZone", "America/Mexico_City"))
                    .header("Location", endsWith("problem=1"));
            TestStaff.asViewer().get("/api/v1/agency").then().body("timeZone", equalTo("Africa/Nairobi"));
        } finally {
            post(admin, "/settings/categories/billing", Map.of("acknowledge", "72", "resolve", "336", "route", "COMMITTEE"));
            post(admin, "/settings/agency", Map.of("quietHours", "off", "timeZone", "America/Mexico_City", "qualityOverride", "on"));
        }
    }

    @Test
    void theGroupingWindowIsHoursAndEmptyMeansEachReportOnItsOwn() {
        String admin = DashboardSecurityTest.logIn("admin", TestStaff.ADMIN_PASSWORD);
        try {
            String page = given().cookie("aguavoz-session", admin).get("/settings").asString();
            assertTrue(page.contains("name=\"group\" type=\"number\" min=\"1\" max=\"8760\" "
                    + "value=\"12\" placeholder=\"cada reporte por separado\""), "outage groups within 12 h");
            // Integrity has no field, only the rule; the five other categories have one each.
            Matcher integrity = Pattern.compile(
                    "action=\"/settings/categories/integrity\">(.*?)</form>", Pattern.DOTALL).matcher(page);
            assertTrue(integrity.find());
            assertFalse(integrity.group(1).contains("name=\"group\""), integrity.group(1));
            assertTrue(integrity.group(1).contains("nunca se agrupan"), integrity.group(1));
            assertEquals(5, page.split("name=\"group\"", -1).length - 1);

            post(admin, "/settings/categories/outage", Map.of("acknowledge", "12", "resolve", "72", "group", "3"))
                    .header("Location", endsWith("/settings"));
            TestStaff.asViewer().get("/api/v1/categories").then()
                    .body("find { it.code == 'outage' }.groupWithin", equalTo("PT3H"));
            // A form without the field (a page loaded before the field existed) leaves the window as it is.
            post(admin, "/settings/categories/outage", Map.of("acknowledge", "12", "resolve", "72"));
            TestStaff.asViewer().get("/api/v1/categories").then()
                    .body("find { it.code == 'outage' }.groupWithin", equalTo("PT3H"));
            post(admin, "/settings/categories/outage", Map.of("acknowledge", "12", "resolve", "72", "group", ""));
            TestStaff.asViewer().get("/api/v1/categories").then()
                    .body("find { it.code == 'outage' }.groupWithin", nullValue());
            assertTrue(given().cookie("aguavoz-session", admin).get("/settings")
                    .asString().contains("name=\"group\" type=\"number\" min=\"1\" max=\"8760\" value=\"\" "
                            + "placeholder=\"cada reporte por separado\""));
            for (String wrong : List.of("0", "-2", "8761", "doce")) {
                post(admin, "/settings/categories/outage", Map.of("acknowledge", "12", "resolve", "72", "group", wrong))
                        .header("Location", endsWith("problem=1"));
            }
            TestStaff.asViewer().get("/api/v1/categories").then()
                    .body("find { it.code == 'outage' }.groupWithin", nullValue());
            // A value sent for integrity changes nothing: it never groups.
            post(admin, "/settings/categories/integrity", Map.of("acknowledge", "72", "resolve", "720", "group", "12"))
                    .header("Location", endsWith("/settings"));
            TestStaff.asViewer().get("/api/v1/categories").then()
                    .body("find { it.code == 'integrity' }.groupWithin", nullValue());
        } finally {
            post(admin, "/settings/categories/outage", Map.of("acknowledge", "12", "resolve", "72", "group", "12"));
        }
        TestStaff.asViewer().get("/api/v1/categories").then()
                .body("find { it.code == 'outage' }.groupWithin", equalTo("PT12H"));
    }

    @Test
    void anAdministratorAddsAndDeactivatesStaff() {
        String admin = DashboardSecurityTest.logIn("admin", TestStaff.ADMIN_PASSWORD);
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        post(admin, "/settings/staff", Map.of("username", username, "name", "Operadora Nueva", "role", "staff",
                "password", "una-clave-larga-1"));
        assertNotNull(DashboardSecurityTest.tryLogIn(username, "una-clave-larga-1"));
        String page = given().cookie("aguavoz-session", admin).get("/settings").asString();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<td>" + username + "</td>.*?/settings/staff/([0-9]+)/deactivate",
                java.util.regex.Pattern.DOTALL).matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(row.find(), "no deactivate button for " + username);
        post(admin, "/settings/staff/" + row.group(1) + "/deactivate", Map.of());
        assertNull(DashboardSecurityTest.tryLogIn(username, "una-clave-larga-1"));
    }

    private io.restassured.response.ValidatableResponse post(String session, String path, Map<String, String> form) {
        return given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .formParams(form).redirects().follow(false).post(path).then().statusCode(303);
    }
}
