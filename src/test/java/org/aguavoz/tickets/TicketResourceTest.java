package org.aguavoz.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.communities.Communities;
import org.aguavoz.phones.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class TicketResourceTest {

    private static final String REPORTER = "+529615550101";

    @Inject
    OpenTicket openTicket;

    @Inject
    Communities communities;

    @Test
    void showsATicketWithItsTimeline() {
        String code = TestCommunities.create("Los Ángeles");
        Instant openedAt = Instant.parse("2026-11-20T14:00:00Z");
        String reference = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = openTicket.openAt(new NewTicket(communities.byCode(code).orElseThrow(), Category.OUTAGE,
                    Channel.SMS, new PhoneNumber(REPORTER), "sin agua desde ayer barrio centro", false, "es"), openedAt);
            ticket.acknowledge(Actor.committeeMember("Ana Pérez", "es"), openedAt.plus(Duration.ofHours(2)));
            return ticket.reference;
        });

        TestStaff.asAdmin().get("/api/v1/tickets/{reference}", reference)
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("status", equalTo("acknowledged"))
                .body("category", equalTo("outage"))
                .body("community", equalTo(code))
                .body("createdAt", equalTo("2026-11-20T14:00:00Z"))
                // outage: 12 h to acknowledge, 72 h to resolve (V0003 defaults)
                .body("acknowledgeDueAt", equalTo("2026-11-21T02:00:00Z"))
                .body("resolveDueAt", equalTo("2026-11-23T14:00:00Z"))
                .body("description", equalTo("sin agua desde ayer barrio centro"))
                .body("events.type", contains("opened", "acknowledged"))
                .body("events[0].actor", equalTo("reporter"))
                .body("events[0].channel", equalTo("sms"))
                .body("events[1].actor", equalTo("committee_member"))
                .body("events[1].actorName", equalTo("Ana Pérez"))
                .body("events[1].fromStatus", equalTo("open"))
                .body("events[1].toStatus", equalTo("acknowledged"));
    }

    @Test
    void filtersByStatusCommunityAndCategory() {
        String code = TestCommunities.create("Vista Hermosa");
        String outage = open(code, Category.OUTAGE, false);
        String quality = open(code, Category.QUALITY, false);
        String resolved = QuarkusTransaction.requiringNew().call(() -> {
            Ticket ticket = openTicket.open(new NewTicket(communities.byCode(code).orElseThrow(), Category.OUTAGE,
                    Channel.SMS, new PhoneNumber(REPORTER), "otra vez sin agua", false, "es"), Actor.reporter(Channel.SMS)).ticket();
            ticket.resolve(Actor.committeeMember("Rosa", "es"), Instant.now(), "se cambió la válvula");
            return ticket.reference;
        });

        TestStaff.asViewer().queryParam("community", code)
                .get("/api/v1/tickets").then().statusCode(200)
                .body("reference", containsInAnyOrder(outage, quality, resolved));
        TestStaff.asViewer().queryParam("community", code).queryParam("status", "open")
                .get("/api/v1/tickets").then().statusCode(200)
                .body("reference", containsInAnyOrder(outage, quality));
        TestStaff.asViewer().queryParam("community", code).queryParam("status", "open").queryParam("category", "outage")
                .get("/api/v1/tickets").then().statusCode(200)
                .body("reference", contains(outage))
                .body("[0]", not(hasKey("events")));
        TestStaff.asViewer().queryParam("community", code).queryParam("status", "resolved")
                .get("/api/v1/tickets").then().statusCode(200)
                .body("reference", contains(resolved))
                .body("status", everyItem(equalTo("resolved")));
    }

    @Test
    void pagesThroughTickets() {
        String code = TestCommunities.create("Montebello");
        for (int i = 0; i < 5; i++) {
            open(code, Category.LEAK, false);
        }
        TestStaff.asStaff().queryParam("community", code).queryParam("limit", 2)
                .get("/api/v1/tickets").then().statusCode(200).body("size()", equalTo(2));
        TestStaff.asStaff().queryParam("community", code).queryParam("offset", 4).queryParam("limit", 2)
                .get("/api/v1/tickets").then().statusCode(200).body("size()", equalTo(1));
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource(delimiter = '|', textBlock = """
        status    | abierto
        status    | pending
        category  | agua
        community | cien
        limit     | 0
        limit     | 501
        offset    | -1
        """)
    void badFiltersNameTheField(String field, String value) {
        TestStaff.asViewer().queryParam(field, value)
                .get("/api/v1/tickets").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void anUnknownOrMalformedReferenceIsNamed() {
        TestStaff.asViewer().get("/api/v1/tickets/99").then().statusCode(400)
                .body("errors[0].field", equalTo("reference"));
        TestStaff.asViewer().get("/api/v1/tickets/4821x").then().statusCode(400);
        // References start at 1000; 0999 is well-formed but can never exist.
        TestStaff.asViewer().get("/api/v1/tickets/0999").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void reporterNumbersAreShownOnlyToThoseAllowed() {
        String code = TestCommunities.create("Efraín A. Gutiérrez");
        String ordinary = open(code, Category.OUTAGE, false);
        String integrity = open(code, Category.INTEGRITY, true);

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", ordinary).then().body("reporterPhone", equalTo(REPORTER));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", integrity).then().body("reporterPhone", equalTo(REPORTER));
        TestStaff.asStaff().get("/api/v1/tickets/{r}", ordinary).then().body("reporterPhone", equalTo(REPORTER));
        TestStaff.asStaff().get("/api/v1/tickets/{r}", integrity).then().body("reporterPhone", nullValue())
                .body("anonymous", equalTo(true));
        TestStaff.asViewer().get("/api/v1/tickets/{r}", ordinary).then().body("reporterPhone", nullValue());
        TestStaff.asViewer().queryParam("community", code).get("/api/v1/tickets")
                .then().body("reporterPhone", everyItem(nullValue()));
    }

    @Test
    void unauthenticatedRequestsAreRefused() {
        io.restassured.RestAssured.given().get("/api/v1/tickets").then().statusCode(401);
    }

    private String open(String code, Category category, boolean anonymous) {
        return QuarkusTransaction.requiringNew().call(() -> openTicket.open(new NewTicket(
                communities.byCode(code).orElseThrow(), category, Channel.SMS, new PhoneNumber(REPORTER),
                "reporte de prueba", anonymous, "es"), Actor.reporter(Channel.SMS)).ticket().reference);
    }
}
