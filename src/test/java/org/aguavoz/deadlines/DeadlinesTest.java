package org.aguavoz.deadlines;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboxDispatcher;
import org.aguavoz.tickets.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadlines move with an injected clock: each test opens tickets by SMS, moves time forward and runs the job as
 * the scheduler would, then reads what WireMock (Twilio) was asked to send.
 */
@QuarkusTest
@ConnectWireMock
class DeadlinesTest {

    /** The on-duty phones of the test profile (aguavoz.agency.on-duty-phones). */
    static final String ON_DUTY = "+529615559901";
    static final String ON_DUTY_2 = "+529615559902";

    WireMock wiremock;

    @Inject
    TestClock clock;

    @Inject
    CheckDeadlines checkDeadlines;

    @Inject
    OutboxDispatcher dispatcher;

    private String code;
    private String president;
    private String treasurer;
    private String villager;

    @BeforeEach
    void aCommitteeOfTwo() {
        code = TestCommunities.create("Tierra Colorada");
        president = TwilioWebhook.freshVillager();
        treasurer = TwilioWebhook.freshVillager();
        villager = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Díaz", president);
        TestCommunities.addMember(code, "Luis Cruz", treasurer);
        TwilioApi.acceptEverySms(wiremock);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anUnacknowledgedTicketRemindsTheCommitteeAndEscalatesOnceWhenTheAcknowledgeDeadlinePasses() {
        String reference = report(code + " el agua sale turbia y huele mal"); // quality: 4 h to acknowledge
        runJob();
        int before = sentTo(president).size();

        clock.advance(Duration.ofHours(3).plusMinutes(58));
        runJob();
        assertEquals(before, sentTo(president).size(), "reminded before the deadline");
        assertEquals(List.of(), escalations(ON_DUTY, reference));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("late", equalTo(false));

        clock.advance(Duration.ofMinutes(3));
        runJob();
        String reminder = "AguaVoz " + reference + " AGUA SUCIA Tierra Colorada: nadie ha confirmado este reporte. Responda OK "
                + reference + " si ya lo atienden.";
        assertEquals(reminder, last(sentTo(president)));
        assertEquals(reminder, last(sentTo(treasurer)));
        String escalation = "AguaVoz ATRASADO " + reference + " AGUA SUCIA Tierra Colorada: nadie lo confirmo a tiempo. Vea el reporte en el panel.";
        assertEquals(List.of(escalation), escalations(ON_DUTY, reference));
        assertEquals(List.of(escalation), escalations(ON_DUTY_2, reference));

        // However often the job fires, it happened once.
        int after = sentTo(president).size();
        runJob();
        clock.advance(Duration.ofMinutes(30));
        runJob();
        assertEquals(after, sentTo(president).size());
        assertEquals(1, escalations(ON_DUTY, reference).size());

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("late", equalTo(true))
                .body("lateSince", notNullValue())
                .body("events.type", contains("opened", "reminded", "escalated"))
                .body("events[2].note", equalTo("Plazo para confirmar vencido: el organismo fue avisado"));
        TestStaff.asViewer().get("/api/v1/tickets?late=true&community={c}", code).then()
                .body("reference", contains(reference));
        TestStaff.asViewer().get("/api/v1/tickets?late=false&community={c}", code).then()
                .body("reference", not(hasItem(reference)));
        TestStaff.asViewer().get("/api/v1/tickets?late=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("late"));
        org.aguavoz.Management.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("aguavoz_deadline_steps_total{step=\"acknowledge\"}"));
    }

    @Test
    void anAcknowledgedTicketIsNotRemindedToAcknowledgeButIsRemindedHalfwayUnlessThereIsProgress() {
        String quiet = report(code + " sin agua desde ayer"); // outage: 12 h / 72 h, halfway at 36 h
        // Another category: two outages of one community this close would be one incident.
        String moving = report(code + " fuga de agua en la escuela");
        TwilioWebhook.smsReply(president, "OK " + quiet);
        TwilioWebhook.smsReply(president, "OK " + moving);
        TwilioWebhook.smsReply(treasurer, "NOTA " + moving + " ya buscamos la falla");
        runJob();
        int before = sentTo(president).size();

        clock.advance(Duration.ofHours(13));
        runJob();
        assertEquals(before, sentTo(president).size(), "an acknowledged ticket was reminded to acknowledge");
        assertEquals(List.of(), escalations(ON_DUTY, quiet));

        clock.advance(Duration.ofHours(23).plusMinutes(1)); // 36 h and a minute after opening
        runJob();
        List<String> president = sentTo(this.president);
        assertEquals(before + 1, president.size());
        assertEquals("AguaVoz " + quiet + " Tierra Colorada: ya paso la mitad del plazo para resolver. Envie NOTA " + quiet
                + " y su avance, o LISTO " + quiet + ".", last(president));
        assertEquals(List.of(), escalations(ON_DUTY, quiet), "half the time is a reminder, not an escalation");
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", quiet).then().body("late", equalTo(false))
                .body("events.type", contains("opened", "acknowledged", "reminded"));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", moving).then()
                .body("events.type", contains("opened", "acknowledged", "note"));
    }

    @Test
    void aTicketNotResolvedInTimeEscalatesOnce() {
        String reference = report(code + " fuga grande en la calle principal"); // leak: 24 h / 7 days
        TwilioWebhook.smsReply(president, "NOTA " + reference + " falta la pieza");
        runJob();

        clock.advance(Duration.ofDays(7).minusMinutes(2));
        runJob();
        assertEquals(List.of(), escalations(ON_DUTY, reference));

        clock.advance(Duration.ofMinutes(3));
        runJob();
        runJob();
        assertEquals(List.of("AguaVoz ATRASADO " + reference + " FUGA Tierra Colorada: sigue sin resolver en el plazo. Vea el reporte en el panel."),
                escalations(ON_DUTY, reference));
        assertEquals("AguaVoz " + reference + " Tierra Colorada: se vencio el plazo para resolver; avisamos al organismo municipal. Envie LISTO "
                + reference + " al terminar.", last(sentTo(treasurer)));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("late", equalTo(true))
                .body("events.type", contains("opened", "note", "reminded", "escalated"));
    }

    @Test
    void aJobThatWasAwaySendsOnlyTheStepThatMattersNow() {
        String reference = report(code + " sin agua toda la semana");
        runJob();
        int before = sentTo(president).size();

        clock.advance(Duration.ofHours(73)); // acknowledge, halfway and resolve deadlines all passed
        runJob();
        assertEquals(before + 1, sentTo(president).size());
        assertTrue(last(sentTo(president)).contains("se vencio el plazo para resolver"), last(sentTo(president)));
        assertEquals(1, escalations(ON_DUTY, reference).size());
        assertTrue(escalations(ON_DUTY, reference).get(0).contains("sigue sin resolver"));
    }

    @Test
    void aReportersNoReopensWithFreshDeadlinesAndEscalatesAtOnce() {
        String reference = report(code + " sin agua en el barrio");
        TwilioWebhook.smsReply(president, "LISTO " + reference);
        clock.advance(Duration.ofHours(20));
        runJob();
        assertEquals(List.of(), escalations(ON_DUTY, reference), "a resolved ticket is not late");

        Instant reopenedAt = clock.instant();
        TwilioWebhook.smsReply(villager, "NO sigue sin agua");
        runJob();
        assertEquals(1, escalations(ON_DUTY, reference).size(), "the reporter's NO escalates at once");
        Ticket ticket = ticket(reference);
        assertCloseTo(reopenedAt.plus(Duration.ofHours(12)), ticket.acknowledgeDueAt);
        assertCloseTo(reopenedAt.plus(Duration.ofHours(72)), ticket.resolveDueAt);
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("open"))
                .body("late", equalTo(true));

        clock.advance(Duration.ofHours(12).plusMinutes(1));
        runJob();
        assertTrue(last(sentTo(president)).contains("nadie ha confirmado este reporte"), last(sentTo(president)));
        assertEquals(2, escalations(ON_DUTY, reference).size());
    }

    @Test
    void anIntegrityComplaintIsNeverRemindedToTheCommittee() {
        String reply = TwilioWebhook.smsReply(villager, "ANONIMO " + code + " el tesorero se queda con las cuotas");
        String reference = reply.replaceAll(".*reporte ([0-9]+) .*", "$1");
        runJob();
        int before = sentTo(president).size();

        clock.advance(Duration.ofDays(31));
        runJob();
        assertEquals(before, sentTo(president).size());
        assertEquals(before, sentTo(treasurer).size());
        assertEquals(1, escalations(ON_DUTY, reference).size());
    }

    private String report(String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, text));
    }

    private void runJob() {
        checkDeadlines.check();
        dispatcher.drain();
    }

    private List<String> sentTo(String phone) {
        return TwilioApi.sentTo(wiremock, phone);
    }

    private List<String> escalations(String phone, String reference) {
        return sentTo(phone).stream().filter(sms -> sms.contains(" " + reference + " ") && sms.contains("ATRASADO")
                || sms.contains(reference) && sms.contains("NO quedo resuelto")).toList();
    }

    static Ticket ticket(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("reference", reference).firstResult());
    }

    /** Within five seconds: the reopen happened between the two clock readings around the webhook. */
    private static void assertCloseTo(Instant expected, Instant actual) {
        assertTrue(Math.abs(Duration.between(expected, actual).toSeconds()) <= 5, expected + " vs " + actual);
    }

    private static String last(List<String> list) {
        return list.isEmpty() ? null : list.get(list.size() - 1);
    }
}
