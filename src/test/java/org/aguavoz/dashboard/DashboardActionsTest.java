package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ticket page's actions over HTTP (session cookie + CSRF token), each checked in the timeline and the outbox. */
@QuarkusTest
class DashboardActionsTest {

    private String session;
    private String token;

    @BeforeEach
    void loggedInAsStaff() {
        TestStaff.asStaff().get("/api/v1/agency").then().statusCode(200);
        session = DashboardSecurityTest.logIn("test-staff", TestStaff.PASSWORD);
        token = "k".repeat(43);
    }

    @Test
    void aTicketMovesToTheRightCommitteeWhichHearsOfIt() {
        String wrong = TestCommunities.create("Tres Picos Norte");
        String right = TestCommunities.create("Tres Picos Sur");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(right, "Ana Torres", member);
        String reference = report(wrong + " sin agua desde el lunes");

        act(reference, "reassign", Map.of("community", right, "note", "es del otro barrio"));

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("community", equalTo(right))
                .body("events.type", contains("opened", "reassigned"))
                .body("events[1].note", equalTo(wrong + " Tres Picos Norte → " + right + " Tres Picos Sur: es del otro barrio"));
        assertEquals(List.of(member), recipients(reference).stream().filter(member::equals).toList());
    }

    @Test
    void aReportIsMergedIntoAnotherOnesIncidentAndKeepsItsOwnReference() {
        String code = TestCommunities.create("Agua Zarca Vieja");
        String first = report(code + " no hay agua en la colonia");
        String duplicateReporter = TwilioWebhook.freshVillager();
        // Another category (a leak that empties the tank), so it did not join the outage by itself.
        String duplicate = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(duplicateReporter, code + " fuga en el tanque"));

        act(duplicate, "merge", Map.of("into", duplicate)); // into itself: refused, nothing changes
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", duplicate).then().body("status", equalTo("open"))
                .body("events.type", contains("opened"));

        given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .formParam("into", first).redirects().follow(false).post("/tickets/{r}/merge", duplicate)
                .then().statusCode(303).header("Location", endsWith("/tickets/" + first));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", duplicate).then().body("status", equalTo("open"))
                .body("events[1].type", equalTo("merged")).body("events[1].note", equalTo("→ " + first));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", first).then().body("status", equalTo("open"))
                .body("events[1].note", equalTo("← " + duplicate));
        // Nobody's reference changed: the merged report's reporter gets no SMS about it.
        assertEquals(List.of(), bodiesTo(duplicate, duplicateReporter));
    }

    @Test
    void resolvingAsksTheReporterAndReopeningGivesFreshDeadlines() {
        String code = TestCommunities.create("Llano Grande Poniente");
        String reporter = TwilioWebhook.freshVillager();
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(reporter, code + " fuga en la calle"));

        act(reference, "resolve", Map.of("note", "se cambió el tubo"));
        assertEquals(List.of("AguaVoz: el organismo municipal dice que resolvio su reporte " + reference + ". ¿Ya no hay fuga? Responda SI o NO"),
                bodiesTo(reference, reporter));
        act(reference, "reopen", Map.of());
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("open"))
                .body("events.type", contains("opened", "resolved", "reopened"))
                .body("events[1].actorName", equalTo("test-staff"));
    }

    @Test
    void theTimelineNamesEventsActorsAndDeliveryStatesInThePagesLanguage() {
        String reference = report(TestCommunities.create("Cuatro Caminos Oriente") + " fuga en la escuela");
        act(reference, "acknowledge", Map.of());

        String spanish = timeline(reference, "es");
        assertTrue(spanish.contains("<strong>abierto</strong> reportante"), spanish);
        assertTrue(spanish.contains("<strong>visto</strong> test-staff"), spanish);
        String english = timeline(reference, "en");
        assertTrue(english.contains("<strong>opened</strong> reporter"), english);
        assertTrue(english.contains("<strong>seen</strong> test-staff"), english);
        // The SMS about the ticket show how far they got, in words a person reads, not the outbox's names.
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("class=\"state\">([^<]*)<").matcher(spanish);
        List<String> states = state.results().map(m -> m.group(1)).toList();
        assertFalse(states.isEmpty(), spanish);
        assertTrue(List.of("en espera", "enviándose", "en cola", "enviado", "entregado", "no entregado", "falló", "no enviado")
                .containsAll(states), states.toString());
    }

    @Test
    void anSmsSentAgainAfterAnUnknownOutcomeSaysItMayHaveArrivedTwice() {
        String reference = report(TestCommunities.create("Cuatro Caminos Poniente") + " fuga en la escuela");
        // What OutboxClaims leaves after a sender died mid-send and the retry went out (OutboxDispatcherTest plays that).
        int resent = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.update(
                "status = ?1, outcomeUnknown = true where id = (select min(m.id) from OutboundMessage m"
                        + " where m.ticketId = (select t.id from Ticket t where t.reference = ?2))",
                OutboundMessage.Status.SENT, reference));
        assertEquals(1, resent);

        assertTrue(timeline(reference, "es").contains("class=\"state\">enviado; puede haberse enviado dos veces<"),
                timeline(reference, "es"));
        assertTrue(timeline(reference, "en").contains("class=\"state\">sent; may have been sent twice<"),
                timeline(reference, "en"));
    }

    @Test
    void theListSaysHowManySmsWaitAndWhichTicketsSmsDidNotArrive() {
        String reference = report(TestCommunities.create("Cuatro Caminos Norte") + " fuga en la escuela");
        QuarkusTransaction.requiringNew().run(() -> OutboundMessage.update(
                "status = ?1, updatedAt = current_timestamp where id = (select min(m.id) from OutboundMessage m"
                        + " where m.ticketId = (select t.id from Ticket t where t.reference = ?2))",
                OutboundMessage.Status.FAILED, reference));
        long waiting = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.count("status in ?1",
                List.of(OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING)));

        String page = given().cookie("aguavoz-session", session).get("/?lang=es").then().statusCode(200)
                .extract().asString();
        String sms = page.substring(page.indexOf("<p class=\"sms"), page.indexOf("</p>", page.indexOf("<p class=\"sms")));
        assertTrue(sms.contains("SMS por enviar: " + waiting), sms);
        assertTrue(sms.contains("class=\"sms attention\""), "a failure today draws the eye: " + sms);
        assertTrue(sms.contains("<a href=\"/tickets/" + reference + "\">" + reference + "</a>"), sms);
    }

    private String timeline(String reference, String language) {
        String page = given().cookie("aguavoz-session", session).get("/tickets/{r}?lang={l}", reference, language)
                .then().statusCode(200).extract().asString();
        return page.substring(page.indexOf("<ol class=\"timeline\">"));
    }

    private void act(String reference, String action, Map<String, String> form) {
        given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .formParams(form).redirects().follow(false).post("/tickets/{r}/" + action, reference)
                .then().statusCode(303);
    }

    private static String report(String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), text));
    }

    private static List<String> recipients(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list(
                "ticketId = (select t.id from Ticket t where t.reference = ?1) order by id", reference))
                .stream().map(m -> m.toPhone).toList();
    }

    private static List<String> bodiesTo(String reference, String phone) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list(
                "ticketId = (select t.id from Ticket t where t.reference = ?1) and toPhone = ?2 order by id", reference, phone))
                .stream().map(m -> m.body).toList();
    }
}
