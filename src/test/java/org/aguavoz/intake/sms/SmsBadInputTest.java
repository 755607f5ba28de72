package org.aguavoz.intake.sms;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Odd, empty, huge or hostile messages get a short, helpful answer; every one is stored, none crashes. */
@QuarkusTest
class SmsBadInputTest {

    private static final String EMPTY = "AguaVoz: no recibimos texto. Escriba qué pasa y su comunidad, ej. 101 sin agua.";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        an empty body               | ''
        only spaces                 | '     '
        only emoji                  | 😡😡💧
        only punctuation            | '!!! ... ???!!'
        control characters only     | CONTROL
        """)
    void emptyMessagesAreAskedForText(String description, String body) {
        String text = body.equals("CONTROL") ? new String(new char[] {7, 0, 27, 8}) : body;
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), text);
        String reply = TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .extract().xmlPath().getString("Response.Message.Body");
        assertEquals(EMPTY, reply, description);
        assertEquals(1, SmsWebhookTest.inboundCount(params.get("MessageSid")));
    }

    @Test
    void anMmsWithoutTextIsStoredAndAskedForText() {
        Map<String, String> params = TwilioWebhook.fixture("sms/incoming-mms-no-text.form");
        params.put("MessageSid", TwilioWebhook.freshSid("MM"));
        params.put("From", TwilioWebhook.freshVillager());

        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .body("Response.Message.Body", org.hamcrest.Matchers.equalTo(EMPTY));
        assertEquals(1, SmsWebhookTest.inboundCount(params.get("MessageSid")));
    }

    @Test
    void aLongMessageIsKeptWhole() {
        String code = TestCommunities.create("Colonia Mensaje Largo");
        Map<String, String> params = TwilioWebhook.fixture("sms/incoming-long.form");
        params.put("MessageSid", TwilioWebhook.freshSid("SM"));
        params.put("From", TwilioWebhook.freshVillager());
        String text = code + " " + params.get("Body");
        params.put("Body", text);

        String reply = TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .extract().xmlPath().getString("Response.Message.Body");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .body("description", org.hamcrest.Matchers.equalTo(text))
                .body("category", org.hamcrest.Matchers.equalTo("outage"));
    }

    @Test
    void sixteenHundredCharactersAreStoredAndAnswered() {
        String code = TestCommunities.create("Ejido Mil Seiscientos");
        String text = code + " sin agua " + "x".repeat(1600 - code.length() - 10);

        String reply = SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), text);

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .body("description.length()", org.hamcrest.Matchers.equalTo(1600));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        HTML                   | <script>alert('agua')</script> sin agua
        SQL                    | sin agua'; drop table ticket; --
        a template expression  | sin agua {reference} ${user.home} {#for}
        """)
    void hostileTextIsAReportLikeAnyOtherAndStoredAsWritten(String description, String hostile) {
        String code = TestCommunities.create("Prueba");
        String text = code + " " + hostile;

        String reply = SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), text);

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .body("description", org.hamcrest.Matchers.equalTo(text));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> org.aguavoz.tickets.Ticket.count() > 0));
    }

    @Test
    void controlCharactersInsideAReportBecomeSpaces() {
        String code = TestCommunities.create("Control");
        String reply = SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), code + " sin" + (char) 0 + "agua" + (char) 7 + " hoy\nya");

        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .body("description", org.hamcrest.Matchers.equalTo(code + " sin agua  hoy\nya"));
    }

    @Test
    void aNumberFromAnotherCountryIsToldTheServiceIsLocalAndFilesNothing() {
        Map<String, String> params = TwilioWebhook.sms("+14155550100", "101 sin agua");
        params.put("FromCountry", "US");

        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .body("Response.Message.Body", org.hamcrest.Matchers.equalTo(
                        "AguaVoz: este servicio es solo para telefonos locales. Su mensaje fue guardado."));
        assertEquals(1, SmsWebhookTest.inboundCount(params.get("MessageSid")));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() ->
                ((InboundMessage) InboundMessage.find("messageSid", params.get("MessageSid")).firstResult()).ticketId));
    }

    @Test
    void aFloodGetsOnePoliteAnswerThenSilenceAndEverythingIsStored() {
        String villager = TwilioWebhook.freshVillager();
        for (int i = 0; i < 20; i++) {
            SmsWebhookTest.smsReply(villager, "ayuda");
        }
        assertEquals("AguaVoz: recibimos muchos mensajes de este teléfono. Los guardamos todos; el organismo los revisara.",
                SmsWebhookTest.smsReply(villager, "ayuda"));
        SmsWebhookTest.smsEmpty(villager, "ayuda");
        SmsWebhookTest.smsEmpty(villager, "101 sin agua");

        assertEquals(23, QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("fromPhone", villager)));
    }

    @Test
    void aWebhookWithoutItsRequiredFieldsIsABadRequest() {
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), "sin agua");
        params.remove("From");
        TwilioWebhook.post("/twilio/sms", params).then().statusCode(400).body(containsString("From"));
        params.put("From", TwilioWebhook.freshVillager());
        params.put("MessageSid", "not-a-sid");
        TwilioWebhook.post("/twilio/sms", params).then().statusCode(400);
        TwilioWebhook.post("/twilio/sms", Map.of(), TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + "/twilio/sms",
                Map.of(), TwilioWebhook.AUTH_TOKEN)).then().statusCode(400);
    }

    @Test
    void theApiShowsTheReportersWordsAsDataNotMarkup() {
        String code = TestCommunities.create("Escape");
        String reply = SmsWebhookTest.smsReply(TwilioWebhook.freshVillager(), code + " <b>sin agua</b>");
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", SmsWebhookTest.reference(reply)).then()
                .contentType(ContentType.JSON)
                .body("description", org.hamcrest.Matchers.equalTo(code + " <b>sin agua</b>"));
    }
}
