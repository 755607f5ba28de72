package org.aguavoz.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.deadlines.CheckDeadlines;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.notices.TellIncidentUpdates;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wave of reports of one broken pump, by signed SMS webhooks, and what every person is sent (as WireMock received
 * it): one conversation with the committee however many people report, and every reporter kept informed under their
 * own reference.
 */
@QuarkusTest
@ConnectWireMock
class IncidentWaveTest {

    /** The on-duty phones of the test profile (aguavoz.agency.on-duty-phones). */
    static final String ON_DUTY = "+529615559901";

    WireMock wiremock;

    @Inject
    TestClock clock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    TellIncidentUpdates updates;

    @Inject
    CheckDeadlines checkDeadlines;

    private String code;
    private final List<String> members = new ArrayList<>();

    @BeforeEach
    void aCommunityWithACommitteeOfThree() {
        code = TestCommunities.create("Los Ángeles");
        for (String name : List.of("Rosa Díaz", "Luis Cruz", "Juana Pérez")) {
            String phone = TwilioWebhook.freshVillager();
            TestCommunities.addMember(code, name, phone);
            members.add(phone);
        }
        TwilioApi.acceptEverySms(wiremock);
        // The wave moves time forward by almost two days: it happens in the past, so that nothing it writes (a
        // reporter's last message, say) lies in the future of the tests that run after it on real time. Staff calls
        // (above) stay on real time, where a recent wrong password of another test cannot throttle them.
        clock.setTo(Instant.now().minus(Duration.ofDays(2)));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void thirtyReportsOfOnePumpAreOneConversation() {
        List<String> reporters = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String reporter = TwilioWebhook.freshVillager();
            String reply = TwilioWebhook.smsReply(reporter, code + (i % 2 == 0 ? " sin agua" : " no cae agua desde la mañana"));
            String reference = TwilioWebhook.referenceIn(reply);
            reporters.add(reporter);
            references.add(reference);
            if (i == 0) {
                assertEquals("AguaVoz: reporte " + reference + " recibido. El comité de Los Angeles fue avisado.", reply);
            } else {
                assertEquals("AguaVoz: reporte " + reference + " recibido. El comité de Los Angeles ya sabe de la falta"
                        + " de agua (" + (i + 1) + " reportes).", reply);
            }
            clock.advance(Duration.ofMinutes(2)); // thirty reports within an hour
        }
        assertEquals(30, new HashSet<>(references).size(), "every reporter has a reference of their own");
        String incident = references.get(0);
        dispatcher.drain();
        for (String member : members) {
            assertEquals(List.of("AguaVoz " + incident + " SIN AGUA Los Angeles: \"" + code + " sin agua\". Responda OK " + incident
                    + " / LISTO " + incident), sent(member), "the committee is told once, when the incident opens");
        }
        // ESTADO with one's own reference works as before.
        assertEquals("AguaVoz: reporte " + references.get(12) + " de Los Angeles: abierto, el comité aun no responde.",
                TwilioWebhook.smsReply(reporters.get(12), "ESTADO " + references.get(12)));

        // Within two hours of the notice, no update; after them, one, counting those who joined.
        updates.tell();
        dispatcher.drain();
        members.forEach(m -> assertEquals(1, sent(m).size()));
        clock.advance(Duration.ofMinutes(61)); // two hours and a minute after the first report
        updates.tell();
        updates.tell(); // a second round (another instance) has nothing more to say
        dispatcher.drain();
        for (String member : members) {
            assertEquals(2, sent(member).size(), "at most two SMS per member for the whole wave");
            assertEquals("AguaVoz " + incident + " SIN AGUA Los Angeles: 29 reportes mas. Responda OK " + incident
                    + " / LISTO " + incident, last(sent(member)));
        }

        // OK on any joined report's reference acknowledges the incident: every reporter is told once.
        assertEquals("AguaVoz: reporte " + incident + " marcado como visto. Envie NOTA " + incident
                + " y su avance, o LISTO " + incident + " al resolver.", TwilioWebhook.smsReply(members.get(1),
                "OK " + references.get(17)));
        dispatcher.drain();
        for (int i = 0; i < 30; i++) {
            assertEquals(List.of("AguaVoz: el comité de Los Angeles ya vio su reporte " + references.get(i) + "."),
                    sent(reporters.get(i)));
        }
        assertEquals("AguaVoz: su nota del reporte " + incident + " fue enviada a 30 personas que lo reportaron.",
                TwilioWebhook.smsReply(members.get(0), "NOTA " + incident + " mañana cambiamos la bomba"));
        dispatcher.drain();
        assertEquals("AguaVoz " + references.get(3) + ", el comité dice: \"mañana cambiamos la bomba\"",
                last(sent(reporters.get(3))));

        // One reminder per deadline step, not thirty: half the time to resolve (36 h of 72 h) passes.
        int before = sent(members.get(0)).size();
        clock.advance(Duration.ofHours(40));
        checkDeadlines.check();
        dispatcher.drain();
        members.forEach(m -> assertTrue(sent(m).size() <= before + 1, "one reminder at most: " + sent(m)));

        // LISTO resolves the incident and asks every reporter, each with their own reference.
        assertEquals("AguaVoz: reporte " + incident + " resuelto. Preguntamos a las 30 personas que lo reportaron si"
                + " ya quedo.", TwilioWebhook.smsReply(members.get(2), "LISTO " + incident));
        dispatcher.drain();
        for (int i = 0; i < 30; i++) {
            assertEquals("AguaVoz: el comité dice que resolvio su reporte " + references.get(i)
                    + ". ¿Ya tiene agua? Responda SI o NO", last(sent(reporters.get(i))));
            assertEquals(TicketStatus.RESOLVED, status(references.get(i)));
        }

        // SI closes that reporter's report only.
        TwilioWebhook.smsReply(reporters.get(4), "SI");
        assertEquals(TicketStatus.CLOSED, status(references.get(4)));
        assertEquals(TicketStatus.RESOLVED, status(references.get(5)));

        // One NO reopens the incident: fresh deadlines, escalated, the committee and the on-duty staff told.
        int committeeBefore = sent(members.get(0)).size();
        int onDutyBefore = sent(ON_DUTY).size();
        assertEquals("AguaVoz: reporte " + references.get(7) + " abierto de nuevo. Avisamos al comité y al organismo"
                + " municipal.", TwilioWebhook.smsReply(reporters.get(7), "NO"));
        dispatcher.drain();
        assertEquals(TicketStatus.OPEN, status(references.get(7)));
        assertNotNull(ticket(references.get(7)).lateSince, "escalated");
        assertEquals(committeeBefore + 1, sent(members.get(0)).size());
        assertEquals("AguaVoz " + incident + " Los Angeles: el reportante dice que NO quedo resuelto. Responda OK "
                + incident, last(sent(members.get(0))));
        assertEquals(onDutyBefore + 1, sent(ON_DUTY).size());
        // A second NO joins the reopened incident: no second alarm, the next update counts it.
        TwilioWebhook.smsReply(reporters.get(9), "NO");
        dispatcher.drain();
        assertEquals(TicketStatus.OPEN, status(references.get(9)));
        assertEquals(committeeBefore + 1, sent(members.get(0)).size());
        assertEquals(onDutyBefore + 1, sent(ON_DUTY).size());
        Ticket seventh = ticket(references.get(7));
        Ticket ninth = ticket(references.get(9));
        assertEquals(seventh.resolveDueAt, ninth.resolveDueAt, "one incident, one set of deadlines");
        assertNotNull(seventh.deadlineCheckAt);
        assertNull(ninth.deadlineCheckAt, "only one report of an incident carries its deadline checks");

        // The next LISTO asks only those whose water is still not back.
        TwilioWebhook.smsReply(members.get(0), "LISTO " + references.get(20));
        assertEquals(TicketStatus.RESOLVED, status(references.get(7)));
        assertEquals(TicketStatus.RESOLVED, status(references.get(9)));
        assertEquals(TicketStatus.CLOSED, status(references.get(4)));
    }

    @Test
    void reportsOfTwoCommunitiesOrTwoCategoriesStayApartAndIntegrityNeverGroups() {
        String otherCode = TestCommunities.create("Las Flores");
        String outage = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        String otherCommunity = TwilioWebhook.referenceIn(
                TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), otherCode + " sin agua"));
        String leak = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " fuga en la calle"));
        String firstComplaint = complaint(code + " el tesorero se queda con las cuotas");
        String secondComplaint = complaint(code + " el tesorero cobra de mas");

        assertEquals(outage, ticket(outage).incidentReference());
        assertEquals(otherCommunity, ticket(otherCommunity).incidentReference());
        assertEquals(leak, ticket(leak).incidentReference());
        assertNull(ticket(firstComplaint).incident);
        assertNull(ticket(secondComplaint).incident);
        dispatcher.drain();
        for (String member : members) {
            assertEquals(2, sent(member).size(), "the outage and the leak, each told: " + sent(member));
        }
    }

    @Test
    void aReportAfterTheWindowOpensANewIncident() {
        String first = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        clock.advance(Duration.ofHours(11));
        String joined = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        clock.advance(Duration.ofHours(11)); // 11 h after the last join: still within the window of 12 h
        String joinedLater = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        clock.advance(Duration.ofHours(13));
        String alone = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));

        assertEquals(first, ticket(joined).incidentReference());
        assertEquals(first, ticket(joinedLater).incidentReference());
        assertNotEquals(first, ticket(alone).incidentReference());
        assertEquals(alone, ticket(alone).incidentReference());
    }

    @Test
    void reportsArrivingAtTheSameMomentOpenOneIncident() throws Exception {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            phones.add(TwilioWebhook.freshVillager());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> replies = new ArrayList<>();
            for (String phone : phones) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(phone, code + " sin agua"));
                }));
            }
            start.countDown();
            Set<String> incidents = new HashSet<>();
            for (java.util.concurrent.Future<String> reply : replies) {
                incidents.add(ticket(reply.get()).incidentReference());
            }
            assertEquals(1, incidents.size(), "twelve reports at once, one incident: " + incidents);
        } finally {
            pool.shutdownNow();
        }
        dispatcher.drain();
        members.forEach(m -> assertEquals(1, sent(m).size(), "one notice: " + sent(m)));
    }

    private String complaint(String text) {
        String reporter = TwilioWebhook.freshVillager();
        String reply = TwilioWebhook.smsReply(reporter, text);
        if (!reply.contains("recibido")) {
            reply = TwilioWebhook.smsReply(reporter, "5"); // asked which category
        }
        return TwilioWebhook.referenceIn(reply);
    }

    private List<String> sent(String phone) {
        return TwilioApi.sentTo(wiremock, phone);
    }

    private static String last(List<String> texts) {
        return texts.get(texts.size() - 1);
    }

    private static TicketStatus status(String reference) {
        return ticket(reference).status;
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
