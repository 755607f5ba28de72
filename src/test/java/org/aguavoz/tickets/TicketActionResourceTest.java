package org.aguavoz.tickets;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/** POST /api/v1/tickets/{reference}/actions: the dashboard's actions for integrators, with the same refusals. */
@QuarkusTest
class TicketActionResourceTest {

    @Test
    void staffActOnATicketThroughTheLifecycle() {
        String code = TestCommunities.create("Rancho Alegre");
        String other = TestCommunities.create("Rancho Triste");
        String reference = report(code + " sin agua desde ayer");

        act(reference, Map.of("action", "acknowledge")).statusCode(200).body("status", equalTo("acknowledged"));
        act(reference, Map.of("action", "note", "note", "mañana va el fontanero")).statusCode(200)
                .body("status", equalTo("in_progress"));
        act(reference, Map.of("action", "reassign", "community", other, "note", "es del otro rancho")).statusCode(200)
                .body("community", equalTo(other));
        act(reference, Map.of("action", "resolve")).statusCode(200).body("status", equalTo("resolved"))
                .body("events.type", contains("opened", "acknowledged", "note", "reassigned", "resolved"))
                .body("events[4].actor", equalTo("staff")).body("events[4].actorName", equalTo("test-staff"))
                .body("events[4].channel", equalTo("api"));
        act(reference, Map.of("action", "close")).statusCode(200).body("status", equalTo("closed"));
        act(reference, Map.of("action", "reopen", "note", "sigue sin agua")).statusCode(200).body("status", equalTo("open"));
    }

    @Test
    void aMergeAnswersWithTheTicketThatStays() {
        String code = TestCommunities.create("Rancho Merge");
        String first = report(code + " no hay agua");
        String duplicate = report(code + " fuga en el tanque"); // another category: it did not join by itself

        act(duplicate, Map.of("action", "merge", "into", first)).statusCode(200).body("reference", equalTo(first))
                .body("events[1].type", equalTo("merged"));
    }

    @Test
    void aRefusedTransitionIs409NamingTheStatus() {
        String reference = report(TestCommunities.create("Rancho Cerrado") + " fuga en la calle");
        act(reference, Map.of("action", "close")).statusCode(200);

        act(reference, Map.of("action", "resolve")).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot resolve ticket " + reference + ": it is closed"));
    }

    @Test
    void badRequestsNameTheField() {
        String reference = report(TestCommunities.create("Rancho Raro") + " sin agua");

        act(reference, Map.of("action", "explode")).statusCode(400).body("errors[0].field", equalTo("action"));
        act(reference, Map.of("action", "note")).statusCode(400).body("errors[0].field", equalTo("note"));
        act(reference, Map.of("action", "reassign", "community", "999998")).statusCode(400)
                .body("errors[0].field", equalTo("community"));
        act(reference, Map.of("action", "merge", "into", "12")).statusCode(400).body("errors[0].field", equalTo("into"));
        act("999999", Map.of("action", "close")).statusCode(404);
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("open"));
    }

    @Test
    void viewersMayNotActAndStrangersMustLogIn() {
        String reference = report(TestCommunities.create("Rancho Visto") + " sin agua");
        TestStaff.asViewer().contentType(ContentType.JSON).body(Map.of("action", "close"))
                .post("/api/v1/tickets/{r}/actions", reference).then().statusCode(403);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("action", "close"))
                .post("/api/v1/tickets/{r}/actions", reference).then().statusCode(401);
        TestStaff.asAdmin().contentType(ContentType.JSON).body(Map.of("action", "close"))
                .post("/api/v1/tickets/{r}/actions", reference).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse act(String reference, Map<String, Object> body) {
        return TestStaff.asStaff().contentType(ContentType.JSON).body(body)
                .post("/api/v1/tickets/{r}/actions", reference).then();
    }

    private static String report(String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), text));
    }
}
