package org.aguavoz.notices;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboxDispatcher;
import org.aguavoz.tickets.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * While a notice is active, reports of its category join its incident and are answered with it, and the committee
 * gets no SMS for them (not even in the next update); after it ends, reports go their usual way again. A committee
 * member sends one by SMS (AVISO), at most once a day, and the agency hears of it. Signed webhooks in, what WireMock
 * received out.
 */
@QuarkusTest
@ConnectWireMock
class NoticeDuringIncidentTest {

    /** The on-duty phones of the test profile (aguavoz.agency.on-duty-phones). */
    static final String ON_DUTY = "+529615559901";
    static final String TEXT = CommunityNoticeTest.TEXT;
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    WireMock wiremock;

    @Inject
    TestClock clock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    TellIncidentUpdates updates;

    private String code;
    private String rosa;
    private String luis;

    @BeforeEach
    void aCommunityWithACommitteeOfTwo() {
        code = TestCommunities.create("Los Ángeles");
        rosa = TwilioWebhook.freshVillager();
        luis = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Díaz", rosa);
        TestCommunities.addMember(code, "Luis Cruz", luis);
        TwilioApi.acceptEverySms(wiremock);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void repliesDuringTheNoticeCarryItAndTheCommitteeHearsNothingOfThem() {
        staffNotice("outage", Duration.ofHours(2)).then().statusCode(201).body("incident", nullValue());
        dispatcher.drain();
        for (String member : List.of(rosa, luis)) {
            assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), sent(member), "the notice, and nothing else");
        }

        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String reply = TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua");
            String reference = TwilioWebhook.referenceIn(reply);
            assertEquals("AguaVoz: reporte " + reference + " recibido. Aviso del organismo municipal: " + TEXT + ".", reply);
            references.add(reference);
            clock.advance(Duration.ofMinutes(1));
        }
        String incident = references.get(0);
        references.forEach(r -> assertEquals(incident, ticket(r).incidentReference(), "one incident, the first report's"));
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then().body("[0].incident", equalTo(incident));
        // An integrity complaint is never held by a notice, nor joins anything.
        String complaint = complaint(code + " el tesorero se queda con las cuotas");
        assertNull(ticket(complaint).incident);

        dispatcher.drain();
        clock.advance(Duration.ofHours(2)); // past the notice's end, and past the two hours between updates
        updates.tell();
        dispatcher.drain();
        for (String member : List.of(rosa, luis)) {
            assertEquals(1, sent(member).size(), "no SMS to the committee about reports under a notice: " + sent(member));
        }

        // After the notice: the usual grouping, the usual reply, and the next update counts only this report.
        String after = TwilioWebhook.freshVillager();
        String reply = TwilioWebhook.smsReply(after, code + " sin agua");
        String reference = TwilioWebhook.referenceIn(reply);
        assertEquals("AguaVoz: reporte " + reference + " recibido. El comité de Los Angeles ya sabe de la falta de agua"
                + " (4 reportes).", reply);
        assertEquals(incident, ticket(reference).incidentReference());
        updates.tell();
        dispatcher.drain();
        for (String member : List.of(rosa, luis)) {
            assertEquals("AguaVoz " + incident + " SIN AGUA Los Angeles: 1 reportes mas. Responda OK " + incident
                    + " / LISTO " + incident, last(sent(member)));
        }
    }

    @Test
    void aNoticeGroupsEvenACategoryThatNeverGroupsUntilItEnds() {
        staffNotice("billing", Duration.ofHours(1)).then().statusCode(201);
        String first = billingReport();
        String second = billingReport();
        assertEquals(first, ticket(second).incidentReference());
        dispatcher.drain();
        assertEquals(1, sent(rosa).size(), "only the notice: " + sent(rosa));

        clock.advance(Duration.ofMinutes(61));
        String alone = billingReport();
        assertNull(ticket(alone).incident, "billing reports stand alone again");
        dispatcher.drain();
        assertEquals(2, sent(rosa).size());
        assertEquals(true, last(sent(rosa)).startsWith("AguaVoz " + alone + " COBRO Los Angeles"), last(sent(rosa)));
    }

    @Test
    void aNoticeAttachesToTheOpenIncidentAndEndsWhenTheCommitteeResolvesIt() {
        String first = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        clock.advance(Duration.ofHours(13)); // past the window: only the notice can join a report to it now
        staffNotice("outage", Duration.ofDays(2)).then().statusCode(201).body("incident", equalTo(first));

        String joined = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        assertEquals(first, ticket(joined).incidentReference());

        // LISTO: the committee says it is fixed, so a new report is news to it again, notice or not.
        TwilioWebhook.smsReply(rosa, "LISTO " + first);
        String reply = TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sigue sin agua");
        String reference = TwilioWebhook.referenceIn(reply);
        assertEquals("AguaVoz: reporte " + reference + " recibido. El comité de Los Angeles fue avisado.", reply);
        assertEquals(reference, ticket(reference).incidentReference());
    }

    @Test
    void aCommitteeMemberSendsANoticeBySmsOnceADay() {
        clock.setTo(LocalDateTime.parse("2026-11-23T10:00").atZone(MEXICO).toInstant()); // a Monday
        String villager = TwilioWebhook.freshVillager();
        String first = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " sin agua"));
        long rowsBefore = outboxRows();

        assertEquals("AguaVoz: para avisar a toda la comunidad escriba AVISO y el mensaje, ej. AVISO sin agua hasta el"
                + " jueves, se cambia la bomba", TwilioWebhook.smsReply(rosa, "AVISO"));
        assertEquals("AguaVoz: el aviso es muy largo y no se envio. Escriba hasta 131 caracteres despues de AVISO.",
                TwilioWebhook.smsReply(rosa, "AVISO " + "se corta el agua ".repeat(8)));
        assertEquals(rowsBefore, outboxRows(), "nothing queued for a refused notice");

        assertEquals("AguaVoz: su aviso se enviara a 2 telefonos de Los Angeles.",
                TwilioWebhook.smsReply(rosa, "AVISO " + TEXT));
        dispatcher.drain();
        assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), notices(luis));
        assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), notices(villager));
        assertEquals(List.of(), notices(rosa), "the author is answered, not sent it");
        assertEquals(true, sent(ON_DUTY).contains("AguaVoz: el comité de Los Angeles envio un aviso a 2 telefonos: \""
                + TEXT + "\""), "the agency hears of a committee's notice: " + sent(ON_DUTY));
        // Its category read from the words (outage), its end too: the end of Thursday, in the agency's time zone.
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then()
                .body("size()", equalTo(1))
                .body("[0].category", equalTo("outage"))
                .body("[0].until", equalTo(LocalDateTime.parse("2026-11-27T00:00").atZone(MEXICO).toInstant().toString()))
                .body("[0].createdBy.type", equalTo("committee_member"))
                .body("[0].createdBy.name", equalTo("Rosa Díaz"))
                .body("[0].channel", equalTo("sms"))
                .body("[0].incident", equalTo(first));

        // A second one the same day, from any member, is refused and changes nothing.
        long rowsAfterFirst = outboxRows();
        assertEquals("AguaVoz: su comité ya envio un aviso hoy; se permite uno al dia. No se envio nada.",
                TwilioWebhook.smsReply(luis, "AVISO ya llego la pipa"));
        assertEquals(rowsAfterFirst, outboxRows());
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then().body("size()", equalTo(1));

        // Reports meanwhile carry the committee's words.
        String reply = TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " no hay agua");
        assertEquals("AguaVoz: reporte " + TwilioWebhook.referenceIn(reply) + " recibido. Aviso del comité: " + TEXT
                + ".", reply);

        // The next day the committee may send another; without an end in its words it lasts to the end of the next day.
        clock.setTo(LocalDateTime.parse("2026-11-24T08:00").atZone(MEXICO).toInstant());
        assertEquals("AguaVoz: su aviso se enviara a 3 telefonos de Los Angeles.",
                TwilioWebhook.smsReply(luis, "AVISO ya llego la pipa, pasen por agua a la escuela"));
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then()
                .body("[0].until", equalTo(LocalDateTime.parse("2026-11-26T00:00").atZone(MEXICO).toInstant().toString()));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private io.restassured.response.Response staffNotice(String category, Duration lasts) {
        return TestStaff.asStaff().contentType(ContentType.JSON)
                .body(Map.of("category", category, "text", TEXT,
                        "until", clock.instant().plus(lasts).atOffset(ZoneOffset.ofHours(-6)).toString()))
                .post("/api/v1/communities/{code}/notices", code);
    }

    /** A billing report, its category chosen from the menu; its reference. */
    private String billingReport() {
        String villager = TwilioWebhook.freshVillager();
        String reply = TwilioWebhook.smsReply(villager, code + " reporte de prueba");
        if (!reply.contains("recibido")) {
            reply = TwilioWebhook.smsReply(villager, "4");
        }
        return TwilioWebhook.referenceIn(reply);
    }

    private String complaint(String text) {
        String reporter = TwilioWebhook.freshVillager();
        String reply = TwilioWebhook.smsReply(reporter, text);
        if (!reply.contains("recibido")) {
            reply = TwilioWebhook.smsReply(reporter, "5");
        }
        assertEquals(true, reply.contains("no al comité"), reply);
        return TwilioWebhook.referenceIn(reply);
    }

    private List<String> sent(String phone) {
        return TwilioApi.sentTo(wiremock, phone);
    }

    private List<String> notices(String phone) {
        return sent(phone).stream().filter(sms -> sms.contains(", aviso: ")).toList();
    }

    private static String last(List<String> texts) {
        return texts.get(texts.size() - 1);
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.count());
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
