package org.aguavoz.intake.sms;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.tickets.CloseUnconfirmedTickets;
import org.aguavoz.tickets.Ticket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "¿Ya tiene agua? Responda SI o NO": the reporter has the last word on whether a ticket is fixed. */
@QuarkusTest
class ReporterConfirmationTest {

    @Inject
    CloseUnconfirmedTickets closeUnconfirmed;

    private String code;
    private String member;
    private String villager;

    @BeforeEach
    void aCommitteeAndAVillager() {
        code = TestCommunities.create("Las Maravillas");
        member = TwilioWebhook.freshVillager();
        villager = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Elena Pérez", member);
    }

    @Test
    void siClosesTheTicket() {
        String reference = resolvedReport(code + " sin agua");

        assertEquals("AguaVoz: gracias por confirmar. Reporte " + reference + " cerrado.", SmsWebhookTest.smsReply(villager, "Sí"));

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("status", equalTo("closed"))
                .body("events.type", contains("opened", "resolved", "closed"))
                .body("events[2].actor", equalTo("reporter"));
    }

    @Test
    void noReopensTellsTheCommitteeAndEscalates() {
        String reference = resolvedReport(code + " agua sucia");

        assertEquals("AguaVoz: reporte " + reference + " abierto de nuevo. Avisamos al comité y al organismo municipal.",
                SmsWebhookTest.smsReply(villager, "no sigue saliendo turbia"));

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("status", equalTo("open"))
                .body("events.type", contains("opened", "resolved", "reopened", "escalated"))
                .body("events[2].note", equalTo("sigue saliendo turbia"));
        List<String> toMember = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list(
                "toPhone = ?1 order by id", member).stream().map(m -> m.body).toList());
        assertEquals("AguaVoz " + reference + " Las Maravillas: el reportante dice que NO quedo resuelto. Responda OK " + reference,
                toMember.get(toMember.size() - 1));
    }

    @Test
    void withSeveralResolvedTicketsTheReporterIsAskedWhichOne() {
        String first = resolvedReport(code + " sin agua");
        String second = resolvedReport(code + " fuga en la esquina");

        assertEquals("AguaVoz: ¿cual reporte? Responda SI o NO con el numero, ej. SI " + first + ". Reportes: " + first + ", " + second,
                SmsWebhookTest.smsReply(villager, "si"));
        SmsWebhookTest.smsReply(villager, "si " + second);

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", second).then().body("status", equalTo("closed"));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", first).then().body("status", equalTo("resolved"));
    }

    @Test
    void withoutAnAnswerATicketClosesAsResolvedUnconfirmed() {
        String reference = resolvedReport(code + " sin agua");
        QuarkusTransaction.requiringNew().run(() -> Ticket.update(
                "resolvedAt = ?1 where reference = ?2", java.time.Instant.now().minus(java.time.Duration.ofHours(73)), reference));

        closeUnconfirmed.close();

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("status", equalTo("closed"))
                .body("events.note", hasItem("Cerrado sin respuesta del reportante (resuelto, sin confirmar)"));
    }

    @Test
    void aNoWithoutAResolvedTicketIsNotAConfirmation() {
        String reply = SmsWebhookTest.smsReply(villager, "no hay agua en la comunidad " + code);
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .body("category", equalTo("outage"));
    }

    private String resolvedReport(String text) {
        String reference = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, text));
        SmsWebhookTest.smsReply(member, "LISTO " + reference);
        return reference;
    }
}
