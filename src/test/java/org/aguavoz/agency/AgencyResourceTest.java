package org.aguavoz.agency;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AgencyResourceTest {

    @Test
    void showsTheSettingsTheFirstStartTookFromTheEnvironment() {
        // The test profile sets aguavoz.quiet-hours=off (AGUAVOZ_QUIET_HOURS); the zone is the default.
        TestStaff.asViewer().get("/api/v1/agency").then().statusCode(200)
                .body("timeZone", equalTo("America/Mexico_City"))
                .body("quietHours", equalTo("off"))
                .body("qualityEscalationsIgnoreQuietHours", equalTo(true));
    }

    @Test
    void anAdministratorChangesTheQuietHours() {
        try {
            TestStaff.asAdmin().contentType("application/json").body(Map.of("quietHours", "22:00-6:30"))
                    .patch("/api/v1/agency").then().statusCode(200).body("quietHours", equalTo("22:00-06:30"))
                    .body("timeZone", equalTo("America/Mexico_City"));
            TestStaff.asStaff().get("/api/v1/agency").then().body("quietHours", equalTo("22:00-06:30"));
        } finally {
            TestStaff.asAdmin().contentType("application/json").body(Map.of("quietHours", "off"))
                    .patch("/api/v1/agency").then().statusCode(200).body("quietHours", equalTo("off"));
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "quietHours | 9pm-7am          | \"9pm-7am\" is not HH:MM-HH:MM (e.g. 21:00-07:00) or off",
            "quietHours | 07:00-07:00      | quiet hours must not start and end at the same time (use \"off\")",
            "timeZone   | Mexico/Chiapas   | \"Mexico/Chiapas\" is not a time zone such as America/Mexico_City or Africa/Nairobi",
            "name       | ' '              | must be 1 to 200 characters",
    })
    void refusesWhatCannotBeRightNamingTheField(String field, String value, String problem) {
        TestStaff.asAdmin().contentType("application/json").body(Map.of(field, value))
                .patch("/api/v1/agency").then().statusCode(400)
                .body("errors[0].field", equalTo(field)).body("errors[0].problem", equalTo(problem));
        TestStaff.asViewer().get("/api/v1/agency").then().body("quietHours", equalTo("off"))
                .body("timeZone", equalTo("America/Mexico_City"));
    }

    @Test
    void onlyAdministratorsChangeSettings() {
        TestStaff.asStaff().contentType("application/json").body(Map.of("quietHours", "off"))
                .patch("/api/v1/agency").then().statusCode(403);
        TestStaff.asViewer().contentType("application/json").body(Map.of("quietHours", "off"))
                .patch("/api/v1/agency").then().statusCode(403);
    }
}
