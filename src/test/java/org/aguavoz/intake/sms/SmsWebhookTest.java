package org.aguavoz.intake.sms;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.conversation.Conversation;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.reporters.Reporter;
import org.junit.jupiter.api.Test;

/** The life of a report by SMS, through the signed webhook, against the real database. */
@QuarkusTest
class SmsWebhookTest {

    private static final Pattern REFERENCE = Pattern.compile("reporte ([0-9]{4,6}) recibido");

    @Test
    void aReportWithACodeBecomesATicketAndTheCommitteeIsTold() {
        String code = TestCommunities.create("Los Ángeles");
        TestCommunities.addMember(code, "Ana Pérez", "+529615550201");
        TestCommunities.addMember(code, "José Ruiz", "+529615550202");
        String villager = TwilioWebhook.freshVillager();

        String reply = smsReply(villager, code + " sin agua desde ayer barrio centro");

        assertTrue(reply.startsWith("AguaVoz: reporte "), reply);
        assertTrue(reply.endsWith(" recibido. El comité de Los Angeles fue avisado."), reply);
        String reference = reference(reply);
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then().statusCode(200)
                .body("category", equalTo("outage"))
                .body("community", equalTo(code))
                .body("status", equalTo("open"))
                .body("channel", equalTo("sms"))
                .body("reporterPhone", equalTo(villager))
                .body("description", equalTo(code + " sin agua desde ayer barrio centro"))
                .body("events[0].type", equalTo("opened"));
        List<OutboundMessage> notices = outboxFor(reference);
        assertEquals(List.of("+529615550201", "+529615550202"), notices.stream().map(m -> m.toPhone).toList());
        assertEquals("AguaVoz " + reference + " SIN AGUA Los Angeles: \"" + code
                + " sin agua desde ayer barrio centro\". Responda OK " + reference + " / LISTO " + reference,
                notices.get(0).body);
        assertTrue(notices.stream().allMatch(m -> m.status == OutboundMessage.Status.PENDING));
    }

    @Test
    void theRecordedWebhookIsAnsweredWithTwiml() {
        Map<String, String> params = TwilioWebhook.fixture("sms/incoming-plain.form");
        params.put("From", TwilioWebhook.freshVillager());
        String sid = TwilioWebhook.freshSid("SM");
        params.put("MessageSid", sid);

        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .contentType(ContentType.XML)
                .body("Response.Message.Body", equalTo("¿De qué comunidad? Responda con el numero del cartel, ej. 101"));
        assertEquals(1, inboundCount(sid));
    }

    @Test
    void theReportersWordsKeepTheirAccentsAndEmoji() {
        String code = TestCommunities.create("Niño Artillero");
        Map<String, String> params = TwilioWebhook.fixture("sms/incoming-accents.form");
        params.put("MessageSid", TwilioWebhook.freshSid("SM"));
        params.put("From", TwilioWebhook.freshVillager());
        params.put("Body", code + " " + params.get("Body"));

        String reply = TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .extract().xmlPath().getString("Response.Message.Body");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then().body("description", equalTo(
                code + " ¿Cuándo regresa el agua? Ya van 3 días sin servicio en la calle Niño Artillero, ya llamé y nadie contesta 😡"));
    }

    @Test
    void aRememberedPhoneNeedsNoCodeTheSecondTime() {
        String code = TestCommunities.create("Vista Hermosa");
        String villager = TwilioWebhook.freshVillager();
        reference(smsReply(villager, code + " no hay agua"));

        String reply = smsReply(villager, "el agua sale turbia y huele mal");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then()
                .body("community", equalTo(code)).body("category", equalTo("quality"));
    }

    @Test
    void aCommunityNamedInTheTextIsFound() {
        String code = TestCommunities.freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Nuevo Zapote " + code + "\",\"aliases\":[\"zapotito " + code + "\"]}")
                .post("/api/v1/communities").then().statusCode(201);

        String reply = smsReply(TwilioWebhook.freshVillager(), "hay una fuga grande en ZAPOTITO " + code + " junto a la escuela");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then()
                .body("community", equalTo(code)).body("category", equalTo("leak"));
    }

    @Test
    void withoutACommunityItAsksOneQuestionAndKeepsTheReportWaiting() {
        String code = TestCommunities.create("Las Maravillas");
        String villager = TwilioWebhook.freshVillager();

        assertEquals("¿De qué comunidad? Responda con el numero del cartel, ej. 101",
                smsReply(villager, "no hay awa desde el lunes"));
        assertEquals("AguaVoz: no hay comunidad 999997. Responda con el numero del cartel, ej. 101",
                smsReply(villager, "999997"));
        String reply = smsReply(villager, code);

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then()
                .body("community", equalTo(code))
                .body("category", equalTo("outage"))
                .body("description", equalTo("no hay awa desde el lunes"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Conversation.findById(villager) == null));
    }

    @Test
    void aHalfFiledReportExpiresAfterADay() {
        String code = TestCommunities.create("Olvidada");
        String villager = TwilioWebhook.freshVillager();
        smsReply(villager, "no hay agua en la escuela");
        QuarkusTransaction.requiringNew().run(() -> Conversation.update(
                "expiresAt = ?1 where phone = ?2", java.time.Instant.now().minusSeconds(1), villager));

        // Days later, "101" alone is a new report of that community, not the end of the old one.
        assertEquals("AguaVoz: ¿qué pasa? Responda con un numero: 1 sin agua 2 agua sucia 3 fuga 4 cobro 5 corrupcion 6 otro",
                smsReply(villager, code));
        String reply = smsReply(villager, "1");
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then()
                .body("description", equalTo(code)).body("category", equalTo("outage"));
    }

    @Test
    void anUnknownCategoryGetsTheNumberedMenu() {
        String code = TestCommunities.create("Montebello");
        String villager = TwilioWebhook.freshVillager();

        assertEquals("AguaVoz: ¿qué pasa? Responda con un numero: 1 sin agua 2 agua sucia 3 fuga 4 cobro 5 corrupcion 6 otro",
                smsReply(villager, code + " buenas tardes, vengan por favor"));
        String reply = smsReply(villager, "3");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference(reply)).then()
                .body("category", equalTo("leak")).body("community", equalTo(code));
    }

    @Test
    void anIntegrityComplaintGoesToTheAgencyNotTheCommittee() {
        String code = TestCommunities.create("Efraín A. Gutiérrez");
        TestCommunities.addMember(code, "Tesorero", "+529615550251");
        String villager = TwilioWebhook.freshVillager();

        String reply = smsReply(villager, "ANONIMO " + code + " el tesorero se queda con las cuotas");

        assertTrue(reply.endsWith("Fue enviado al organismo municipal, no al comité."), reply);
        String reference = reply.replaceAll(".*reporte ([0-9]+) .*", "$1");
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("category", equalTo("integrity"))
                .body("anonymous", equalTo(true))
                .body("reporterPhone", equalTo(villager));
        TestStaff.asStaff().get("/api/v1/tickets/{r}", reference).then().body("reporterPhone", equalTo(null));
        // Only the agency's on-duty staff are told (test profile: +529615559901, +529615559902), never the member.
        assertEquals(List.of("+529615559901", "+529615559902"), outboxFor(reference).stream().map(m -> m.toPhone).toList());
        assertTrue(outboxFor(reference).get(0).body.startsWith("AguaVoz " + reference + " CORRUPCION "));
    }

    @Test
    void waterQualityGoesToTheCommitteeAndTheAgency() {
        String code = TestCommunities.create("Montebello");
        TestCommunities.addMember(code, "Miguel Sántiz", "+529615550243");

        String reply = smsReply(TwilioWebhook.freshVillager(), code + " el agua sale turbia y huele mal");

        assertTrue(reply.endsWith("El comité de Montebello fue avisado."), reply);
        assertEquals(List.of("+529615550243", "+529615559901", "+529615559902"),
                outboxFor(reference(reply)).stream().map(m -> m.toPhone).toList());
    }

    @Test
    void aCommunityWithoutACommitteeFallsBackToTheAgency() {
        String code = TestCommunities.create("Sin Comité");

        String reply = smsReply(TwilioWebhook.freshVillager(), code + " fuga en la entrada");

        assertTrue(reply.endsWith("Fue enviado al organismo municipal."), reply);
        assertEquals(List.of("+529615559901", "+529615559902"),
                outboxFor(reference(reply)).stream().map(m -> m.toPhone).toList());
    }

    @Test
    void englishGetsEnglishRepliesAndTheLanguageIsRemembered() {
        String code = TestCommunities.create("Kiambu");
        String villager = TwilioWebhook.freshVillager();

        assertEquals("Which community? Reply with the number on the poster, e.g. 101",
                smsReply(villager, "no water since monday please help"));
        String reply = smsReply(villager, code);

        assertTrue(reply.matches("AguaVoz: report [0-9]{4,6} received\\. It went to the municipal agency\\."), reply);
        assertEquals("en", QuarkusTransaction.requiringNew().call(() -> ((Reporter) Reporter.findById(villager)).language));
    }

    @Test
    void statusShowsOnlyYourOwnTickets() {
        String code = TestCommunities.create("El Sabino");
        String villager = TwilioWebhook.freshVillager();
        String reference = reference(smsReply(villager, code + " sin agua"));

        assertEquals("AguaVoz: reporte " + reference + " de El Sabino: abierto, el comité aun no responde.",
                smsReply(villager, "ESTADO " + reference));
        assertEquals("AguaVoz: reporte " + reference + " de El Sabino: abierto, el comité aun no responde.",
                smsReply(villager, "estado"));
        // Another phone learns nothing, not even that the reference exists.
        String stranger = TwilioWebhook.freshVillager();
        assertEquals("AguaVoz: no encontramos el reporte " + reference + " de este teléfono.",
                smsReply(stranger, "estado " + reference));
        assertEquals("AguaVoz: no encontramos el reporte 999999 de este teléfono.", smsReply(stranger, "ESTADO 999999"));
        assertEquals("AguaVoz: este teléfono no tiene reportes. Escriba qué pasa y su comunidad, ej. 101 sin agua.",
                smsReply(stranger, "ESTADO"));
    }

    @Test
    void optOutAndBackFollowTwiliosOwnKeywords() {
        String villager = TwilioWebhook.freshVillager();

        assertEquals("AguaVoz: ya no recibira mensajes. Para volver envie ALTA.", smsReply(villager, "baja"));
        assertTrue(optedOut(villager));
        assertEquals("AguaVoz: de nuevo recibira mensajes. Envie AYUDA para ver qué puede hacer.", smsReply(villager, "Alta"));
        assertTrue(!optedOut(villager));
        // Twilio answers STOP and START itself; a second answer from us would be one too many.
        smsEmpty(villager, "STOP");
        assertTrue(optedOut(villager));
        smsEmpty(villager, "START");
        assertTrue(!optedOut(villager));
    }

    @Test
    void helpSaysWhatYouCanSend() {
        assertTrue(smsReply(TwilioWebhook.freshVillager(), "ayuda").startsWith("AguaVoz: escriba qué pasa y su comunidad"));
        assertTrue(smsReply(TwilioWebhook.freshVillager(), "help please").startsWith("AguaVoz: send what is wrong"));
    }

    static String smsReply(String from, String body) {
        Response response = TwilioWebhook.post("/twilio/sms", TwilioWebhook.sms(from, body));
        response.then().statusCode(200).contentType(ContentType.XML);
        return response.xmlPath().getString("Response.Message.Body");
    }

    static void smsEmpty(String from, String body) {
        TwilioWebhook.post("/twilio/sms", TwilioWebhook.sms(from, body)).then().statusCode(200)
                .body(containsString("<Response/>"));
    }

    static String reference(String reply) {
        Matcher matcher = Pattern.compile("(?:reporte|report) ([0-9]{4,6}) (?:recibido|received)").matcher(reply);
        assertTrue(matcher.find(), "no reference in: " + reply);
        return matcher.group(1);
    }

    static long inboundCount(String sid) {
        return QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("messageSid", sid));
    }

    static List<OutboundMessage> outboxFor(String reference) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list(
                "ticketId = (select t.id from Ticket t where t.reference = ?1) order by toPhone", reference));
    }

    private static boolean optedOut(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> ((Reporter) Reporter.findById(phone)).optedOut);
    }

}
