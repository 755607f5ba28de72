package org.aguavoz.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CategoryResourceTest {

    @Test
    void listsTheDefaultDeadlines() {
        TestStaff.asViewer().get("/api/v1/categories").then().statusCode(200)
                .body("code", contains("outage", "quality", "leak", "billing", "integrity", "other"))
                .body("acknowledgeWithin", contains("PT12H", "PT4H", "PT24H", "PT72H", "PT72H", "PT72H"))
                .body("resolveWithin", contains("PT72H", "PT24H", "P7D", "P14D", "P30D", "P14D"));
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
            String after = report(code + " fuga en la calle del panteon");

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
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("reference", reference).firstResult());
    }
}
