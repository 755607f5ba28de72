package org.aguavoz.intake.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A report travels villager → committee → villager by SMS alone; Twilio's REST API is WireMock. */
@QuarkusTest
@ConnectWireMock
class CommitteeLoopTest {

    private static final String MESSAGES = TwilioApi.MESSAGES;

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    private String code;
    private String president;
    private String operator;
    private String villager;

    @BeforeEach
    void aCommunityWithTwoMembersAndAVillager() {
        code = TestCommunities.create("Los Ángeles");
        president = TwilioWebhook.freshVillager();
        operator = TwilioWebhook.freshVillager();
        villager = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Ana Pérez", president);
        TestCommunities.addMember(code, "José Ruiz", operator);
        TwilioApi.acceptEverySms(wiremock);
    }

    @Test
    void aReportTravelsTheWholeWayBySms() {
        String reference = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, code + " sin agua desde ayer"));
        dispatcher.drain();
        assertEquals(List.of("AguaVoz " + reference + " SIN AGUA Los Angeles: \"" + code + " sin agua desde ayer\". Responda OK "
                + reference + " / LISTO " + reference), received(president));
        assertEquals(received(president), received(operator));

        // One open ticket: a bare OK applies to it.
        assertEquals("AguaVoz: reporte " + reference + " marcado como visto. Envie NOTA " + reference
                + " y su avance, o LISTO " + reference + " al resolver.", SmsWebhookTest.smsReply(operator, "ok"));
        assertEquals("AguaVoz: su nota del reporte " + reference + " fue enviada al reportante.",
                SmsWebhookTest.smsReply(president, "Nota " + reference + " mañana llega el fontanero"));
        assertEquals("AguaVoz: reporte " + reference + " resuelto. Preguntamos al reportante si ya quedo.",
                SmsWebhookTest.smsReply(operator, "listo" + reference + " se cambió la válvula"));
        dispatcher.drain();

        assertEquals(List.of(
                "AguaVoz: el comité de Los Angeles ya vio su reporte " + reference + ".",
                "AguaVoz " + reference + ", el comité dice: \"mañana llega el fontanero\"",
                "AguaVoz: el comité dice que resolvio su reporte " + reference + ". ¿Ya tiene agua? Responda SI o NO"),
                received(villager));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("status", equalTo("resolved"))
                .body("events.type", contains("opened", "acknowledged", "note", "resolved"))
                .body("events.actorName", contains(null, "José Ruiz", "Ana Pérez", "José Ruiz"))
                .body("events.channel", contains("sms", "sms", "sms", "sms"))
                .body("events[3].note", equalTo("se cambió la válvula"));
        // Nobody saw anyone else's number: every SMS came from the agency's number.
        assertEquals(List.of(), wiremock.find(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing(villager.substring(1)))
                .withRequestBody(containing("To=" + president.replace("+", "%2B")))));
    }

    @Test
    void anActionTheStatusDoesNotAllowIsAnsweredNotApplied() {
        String reference = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, code + " fuga en la calle"));
        SmsWebhookTest.smsReply(president, "LISTO " + reference);

        assertEquals("AguaVoz: el reporte " + reference + " esta resuelto; no se cambio nada.",
                SmsWebhookTest.smsReply(operator, "OK " + reference));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("resolved"));
    }

    @Test
    void severalOpenTicketsNeedTheReference() {
        String first = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, code + " sin agua"));
        String second = SmsWebhookTest.reference(SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), code + " fuga grande"));

        assertEquals("AguaVoz: tiene varios reportes abiertos: " + first + ", " + second + ". Incluya el numero, ej. OK " + first,
                SmsWebhookTest.smsReply(president, "OK"));
        assertEquals("AguaVoz: reportes abiertos: " + first + ", " + second, SmsWebhookTest.smsReply(president, "pendientes"));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", first).then().body("status", equalTo("open"));
    }

    @Test
    void onlyTheTicketsOwnCommitteeMayChangeIt() {
        String reference = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, code + " agua sucia"));
        String otherCode = TestCommunities.create("Vista Hermosa");
        String otherMember = TwilioWebhook.freshVillager();
        TestCommunities.addMember(otherCode, "Pedro Gómez", otherMember);

        assertEquals("AguaVoz: el reporte " + reference + " no es de su comité. No se cambio nada.",
                SmsWebhookTest.smsReply(otherMember, "LISTO " + reference));
        assertEquals("AguaVoz: el reporte " + reference + " no es de su comité. No se cambio nada.",
                SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), "listo " + reference));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("open"))
                .body("events.type", contains("opened"));
    }

    @Test
    void anIntegrityComplaintIsNeverTheCommitteesToClose() {
        String reply = SmsWebhookTest.smsReply(villager, "ANONIMO " + code + " el presidente cobra de mas");
        String reference = reply.replaceAll(".*reporte ([0-9]+) .*", "$1");

        assertEquals("AguaVoz: el reporte " + reference + " no es de su comité. No se cambio nada.",
                SmsWebhookTest.smsReply(president, "LISTO " + reference));
        assertEquals("AguaVoz: su comité no tiene reportes abiertos.", SmsWebhookTest.smsReply(president, "PENDIENTES"));
    }

    @Test
    void aMemberAskingForHelpGetsTheCommitteeCommands() {
        assertEquals("AguaVoz comité: OK 4821 si ya lo vio, NOTA 4821 y su avance, LISTO 4821 al resolver, PENDIENTES para la lista.",
                SmsWebhookTest.smsReply(president, "ayuda"));
    }

    @Test
    void anUnknownCommandOnTheirTicketGetsTheCommitteeHelp() {
        String reference = SmsWebhookTest.reference(SmsWebhookTest.smsReply(villager, code + " sin agua"));
        assertEquals("AguaVoz comité: OK 4821 si ya lo vio, NOTA 4821 y su avance, LISTO 4821 al resolver, PENDIENTES para la lista.",
                SmsWebhookTest.smsReply(president, "HECHO " + reference));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().body("status", equalTo("open"));
    }

    /** The bodies of the SMS Twilio was asked to send to this phone, in order. */
    private List<String> received(String phone) {
        return wiremock.find(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("To=" + phone.replace("+", "%2B"))))
                .stream()
                .map(r -> r.getBodyAsString().replaceAll(".*(?:^|&)Body=([^&]*).*", "$1"))
                .map(body -> URLDecoder.decode(body, StandardCharsets.UTF_8))
                .toList();
    }

}
