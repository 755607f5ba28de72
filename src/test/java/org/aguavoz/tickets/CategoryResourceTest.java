package org.aguavoz.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CategoryResourceTest {

    @Inject
    TestClock clock;

    /** Tests share one database: every window a test changes goes back to the defaults of V0024. */
    @AfterEach
    void defaultWindowsAndRealTime() {
        clock.reset();
        restore("outage", "PT12H", "PT72H", "PT12H");
        restore("leak", "PT24H", "P7D", "PT6H");
        restore("other", "PT72H", "P14D", null);
    }

    @Test
    void listsTheDefaultDeadlines() {
        TestStaff.asViewer().get("/api/v1/categories").then().statusCode(200)
                .body("code", contains("outage", "quality", "leak", "billing", "integrity", "other"))
                .body("acknowledgeWithin", contains("PT12H", "PT4H", "PT24H", "PT72H", "PT72H", "PT72H"))
                .body("resolveWithin", contains("PT72H", "PT24H", "P7D", "P14D", "P30D", "P14D"))
                .body("groupWithin", contains("PT12H", "PT12H", "PT6H", null, null, null));
    }

    @Test
    void aChangedWindowGroupsTheNextReportsByIt() {
        String code = TestCommunities.create("Ojo de Agua");
        TestStaff.asAdmin().contentType("application/json")
                .body(Map.of("acknowledgeWithin", "PT12H", "resolveWithin", "PT72H", "groupWithin", "PT1H"))
                .put("/api/v1/categories/outage").then().statusCode(200).body("groupWithin", equalTo("PT1H"));
        // The reports in the past, so nothing they write lies in the future of tests that run after this one on real
        // time; staff calls before, on real time (a login throttled lately would refuse them in the past).
        clock.setTo(Instant.now().minus(Duration.ofDays(1)));
        String first = report(code + " sin agua");
        clock.advance(Duration.ofMinutes(40));
        String joined = report(code + " no hay agua");
        clock.advance(Duration.ofHours(2)); // within the default 12 h, beyond the new hour
        String apart = report(code + " sin agua todavia");

        assertEquals(first, ticket(joined).incidentReference());
        assertNotEquals(first, ticket(apart).incidentReference(), "two hours apart is two incidents now");
        assertEquals(apart, ticket(apart).incidentReference());
    }

    @Test
    void aMissingWindowStaysAsItIsAndNullMeansEveryReportStandsAlone() {
        // An integration written before incidents sends only the deadlines: it must not switch grouping off.
        TestStaff.asAdmin().contentType("application/json")
                .body(Map.of("acknowledgeWithin", "PT12H", "resolveWithin", "PT72H"))
                .put("/api/v1/categories/leak").then().statusCode(200).body("groupWithin", equalTo("PT6H"));
        TestStaff.asAdmin().contentType("application/json")
                .body("{\"acknowledgeWithin\":\"PT24H\",\"resolveWithin\":\"P7D\",\"groupWithin\":null}")
                .put("/api/v1/categories/leak").then().statusCode(200).body("groupWithin", nullValue());
        TestStaff.asViewer().get("/api/v1/categories").then()
                .body("find { it.code == 'leak' }.groupWithin", nullValue())
                .body("find { it.code == 'leak' }.acknowledgeWithin", equalTo("PT24H"));
        TestStaff.asAdmin().contentType("application/json")
                .body(Map.of("acknowledgeWithin", "PT72H", "resolveWithin", "P14D", "groupWithin", "p2d"))
                .put("/api/v1/categories/other").then().statusCode(200).body("groupWithin", equalTo("PT48H"));
    }

    @Test
    void integrityComplaintsNeverGroup() {
        TestStaff.asAdmin().contentType("application/json")
                .body(Map.of("acknowledgeWithin", "PT72H", "resolveWithin", "P30D", "groupWithin", "PT12H"))
                .put("/api/v1/categories/integrity").then().statusCode(400)
                .body("errors[0].field", equalTo("groupWithin"))
                .body("errors[0].problem", equalTo("must be null: integrity complaints never group, each "
                        + "complainant is protected on their own"));
        TestStaff.asAdmin().contentType("application/json")
                .body("{\"acknowledgeWithin\":\"PT72H\",\"resolveWithin\":\"P30D\",\"groupWithin\":null}")
                .put("/api/v1/categories/integrity").then().statusCode(200).body("groupWithin", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"-PT1H\" | must be between PT15M and P365D",
            "\"PT0S\"  | must be between PT15M and P365D",
            "\"12h\"   | \"12h\" is not an ISO-8601 duration such as PT4H or P7D",
            "\"\"      | must be an ISO-8601 duration such as PT12H, or null for every report to stand alone",
            "12        | must be an ISO-8601 duration such as PT12H, or null for every report to stand alone",
    })
    void refusesAWindowThatIsNotOneNamingTheField(String window, String problem) {
        TestStaff.asAdmin().contentType("application/json")
                .body("{\"acknowledgeWithin\":\"PT12H\",\"resolveWithin\":\"PT72H\",\"groupWithin\":" + window + "}")
                .put("/api/v1/categories/outage").then().statusCode(400)
                .body("errors[0].field", equalTo("groupWithin")).body("errors[0].problem", equalTo(problem));
        TestStaff.asViewer().get("/api/v1/categories").then().body("groupWithin[0]", equalTo("PT12H"));
    }

    @Test
    void anEditAppliesToTicketsOpenedAfterItOnly() {
        String code = TestCommunities.create("Agua Fría");
        String before = report(code + " fuga en la toma de la escuela");
        try {
            TestStaff.asAdmin().contentType("application/json")
                    .body(Map.of("acknowledgeWithin", "PT2H", "resolveWithin", "P3D"))
                    .put("/api/v1/categories/leak").then().statusCode(200)
                    .body("acknowledgeWithin", equalTo("PT2H")).body("resolveWithin", equalTo("PT72H"));
            // Another community: a leak of the same one within six hours would join the first one's incident,
            // and with it that incident's deadlines.
            String after = report(TestCommunities.create("Agua Azul") + " fuga en la calle del panteon");

            assertEquals(Duration.ofHours(24), acknowledgeWindow(before), "an edit moved an existing ticket's deadline");
            assertEquals(Duration.ofDays(7), resolveWindow(before));
            assertEquals(Duration.ofHours(2), acknowledgeWindow(after));
            assertEquals(Duration.ofDays(3), resolveWindow(after));
        } finally {
            TestStaff.asAdmin().contentType("application/json")
                    .body(Map.of("acknowledgeWithin", "PT24H", "resolveWithin", "P7D"))
                    .put("/api/v1/categories/leak").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "PT4H  | PT2H     | resolveWithin     | must not be shorter than acknowledgeWithin",
            "4h    | PT24H    | acknowledgeWithin | \"4h\" is not an ISO-8601 duration such as PT4H or P7D",
            "PT5M  | PT24H    | acknowledgeWithin | must be between PT15M and P365D",
            "PT4H  | P400D    | resolveWithin     | must be between PT15M and P365D",
            "''    | PT24H    | acknowledgeWithin | is required, as an ISO-8601 duration such as PT4H or P7D",
    })
    void refusesImpossibleDeadlinesNamingTheField(String acknowledge, String resolve, String field, String problem) {
        TestStaff.asAdmin().contentType("application/json")
                .body(Map.of("acknowledgeWithin", acknowledge, "resolveWithin", resolve))
                .put("/api/v1/categories/quality").then().statusCode(400)
                .body("errors[0].field", equalTo(field)).body("errors[0].problem", equalTo(problem));
        TestStaff.asViewer().get("/api/v1/categories").then().body("acknowledgeWithin[1]", equalTo("PT4H"));
    }

    @Test
    void onlyAdministratorsEditAndOnlyKnownCategories() {
        Map<String, String> body = Map.of("acknowledgeWithin", "PT1H", "resolveWithin", "PT2H");
        TestStaff.asStaff().contentType("application/json").body(body).put("/api/v1/categories/quality").then().statusCode(403);
        TestStaff.asViewer().contentType("application/json").body(body).put("/api/v1/categories/quality").then().statusCode(403);
        TestStaff.asAdmin().contentType("application/json").body(body).put("/api/v1/categories/flood").then().statusCode(404);
    }

    private static void restore(String category, String acknowledge, String resolve, String group) {
        TestStaff.asAdmin().contentType("application/json")
                .body("{\"acknowledgeWithin\":\"" + acknowledge + "\",\"resolveWithin\":\"" + resolve
                        + "\",\"groupWithin\":" + (group == null ? "null" : "\"" + group + "\"") + "}")
                .put("/api/v1/categories/" + category).then().statusCode(200);
    }

    private static String report(String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), text));
    }

    private static Duration acknowledgeWindow(String reference) {
        Ticket ticket = ticket(reference);
        return Duration.between(ticket.createdAt, ticket.acknowledgeDueAt);
    }

    private static Duration resolveWindow(String reference) {
        Ticket ticket = ticket(reference);
        return Duration.between(ticket.createdAt, ticket.resolveDueAt);
    }

    private static Ticket ticket(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = Ticket.<Ticket>find("reference", reference).firstResult();
            if (ticket.incident != null) {
                ticket.incident.reference.length(); // loaded while the session is open
            }
            return ticket;
        });
    }
}
