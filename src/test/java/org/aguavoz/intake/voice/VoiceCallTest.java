package org.aguavoz.intake.voice;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.conversation.VoiceCall;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboxDispatcher;
import org.aguavoz.tickets.Ticket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole calls replayed as Twilio makes them (recorded voice webhooks, signed), against the real database; every
 * answer is TwiML parsed as XML. The committee's SMS reach WireMock exactly as for a report by SMS.
 */
@QuarkusTest
@ConnectWireMock
class VoiceCallTest {

    static final String RECORDING = "REa80abac7db6a718743ccfe8126ef5d1c";

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    private String code;
    private String member;
    private String caller;

    @BeforeEach
    void aCommunityWithACommittee() {
        code = TestCommunities.create("Ejido Plan de Ayala");
        member = TwilioWebhook.freshVillager();
        caller = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Juana López", member);
        TwilioApi.acceptEverySms(wiremock);
    }

    @Test
    void aWholeCallOpensATicketThatTheCommitteeReceivesBySms() {
        TestCall call = new TestCall(caller);
        XmlPath welcome = call.ring();
        assertEquals(List.of("Bienvenido a AguaVoz. Para español oprima 1. Para saber cómo va su reporte, oprima 9.",
                "For English press 2."), welcome.getList("Response.Gather.Say"));
        assertEquals(List.of("Polly.Mia", "Polly.Joanna"), welcome.getList("Response.Gather.Say.@voice"));
        assertEquals(List.of("es-MX", "en-US"), welcome.getList("Response.Gather.Say.@language"));
        assertEquals("1", welcome.getString("Response.Gather.@numDigits"));
        assertEquals(TwilioWebhook.PUBLIC_URL + "/twilio/voice/step?turn=1", welcome.getString("Response.Gather.@action"));
        assertEquals(TwilioWebhook.PUBLIC_URL + "/twilio/voice/step?turn=1", welcome.getString("Response.Redirect"));

        XmlPath enter = call.press("1");
        assertEquals("Marque el número de su comunidad, el del cartel, y luego la tecla gato.", enter.getString("Response.Gather.Say"));
        assertEquals("#", enter.getString("Response.Gather.@finishOnKey"));

        assertEquals("Comunidad Ejido Plan de Ayala. Oprima 1 si es correcto, 2 para marcar otra vez.",
                call.press(code + "#").getString("Response.Gather.Say"));
        assertTrue(call.press("1").getString("Response.Gather.Say").startsWith("¿Qué pasa? Sin agua, oprima 1."));

        XmlPath record = call.press("2");
        assertEquals("Después del tono, diga qué pasa. Al terminar cuelgue u oprima gato.", record.getString("Response.Say"));
        assertEquals("60", record.getString("Response.Record.@maxLength"));
        assertEquals(TwilioWebhook.PUBLIC_URL + "/twilio/voice/recorded?turn=5", record.getString("Response.Record.@action"));

        XmlPath thanks = call.recorded(RECORDING, false);
        Ticket ticket = ticketOf(call);
        String spoken = String.join(", ", ticket.reference.split(""));
        assertEquals("Gracias. Su número de reporte es " + spoken + ". Repito: " + spoken
                + ". Le enviamos un mensaje con el número.", thanks.getString("Response.Say"));
        assertEquals("", thanks.getString("Response.Hangup"));
        call.hangUp();

        assertEquals("QUALITY", ticket.category.name());
        assertEquals("VOICE", ticket.channel.name());
        assertEquals(code, ticket.community.code);
        assertEquals(caller, ticket.reporterPhone);
        assertEquals(RECORDING, ticket.recordingSid);
        assertEquals(14, ticket.recordingSeconds);
        dispatcher.drain();
        assertEquals(List.of("AguaVoz " + ticket.reference + " AGUA SUCIA Ejido Plan de Ayala: \"(reporte por llamada, con grabacion)\"."
                + " Responda OK " + ticket.reference + " / LISTO " + ticket.reference), TwilioApi.sentTo(wiremock, member));
        assertEquals(List.of("AguaVoz: reporte " + ticket.reference + " recibido. El comité de Ejido Plan de Ayala fue avisado."),
                TwilioApi.sentTo(wiremock, caller));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", ticket.reference).then()
                .body("channel", equalTo("voice")).body("events.type", contains("opened"));
        assertEquals(1L, ticketsOf(caller));
    }

    @Test
    void aCallerWhoReportedBeforeIsAskedAboutTheirCommunityAndMayAnswerInEnglish() {
        TestCall first = new TestCall(caller);
        first.ring();
        first.press("2");
        assertEquals("Community Ejido Plan de Ayala. Press 1 if that is right, 2 to enter it again.",
                first.press(code + "#").getString("Response.Gather.Say"));
        first.press("1");
        first.press("1");
        first.recorded(RECORDING, true); // hung up at the end of the recording
        first.hangUp();
        assertEquals("en", ticketOf(first).language);

        TestCall second = new TestCall(caller);
        second.ring();
        XmlPath confirm = second.press("2");
        assertEquals("Are you calling about Ejido Plan de Ayala? Press 1 for yes, 2 for no.", confirm.getString("Response.Gather.Say"));
        assertEquals("Polly.Joanna", confirm.getString("Response.Gather.Say.@voice"));
        assertTrue(second.press("1").getString("Response.Gather.Say").startsWith("What is wrong? No water, press 1."));
    }

    @Test
    void aWrongOrMissingKeyRepeatsThePromptTwiceThenTheCallEndsPolitelyWithAnSms() {
        TestCall call = new TestCall(caller);
        call.ring();
        XmlPath wrong = call.press("7");
        assertEquals(List.of("No entendimos.", "Bienvenido a AguaVoz. Para español oprima 1. Para saber cómo va su reporte, oprima 9.",
                "For English press 2."), wrong.getList("Response.Gather.Say"));
        XmlPath silent = call.silence();
        assertEquals("No entendimos.", silent.getString("Response.Gather.Say[0]"));

        XmlPath goodbye = call.press("8");
        assertEquals("No pudimos tomar su reporte. Le enviamos un mensaje para reportar por texto. Hasta luego.",
                goodbye.getString("Response.Say"));
        assertEquals("", goodbye.getString("Response.Hangup"));
        assertEquals("", goodbye.getString("Response.Gather"));
        call.hangUp();
        dispatcher.drain();
        assertEquals(List.of("AguaVoz: no pudimos tomar su reporte por telefono. Envie un SMS a este numero con su comunidad y que pasa, ej. 101 sin agua"),
                TwilioApi.sentTo(wiremock, caller));
        assertEquals(0L, ticketsOf(caller));
        assertEquals(VoiceCall.Status.ENDED, call(call).status);
    }

    @Test
    void anUnknownCommunityCodeIsSaidBackAndAskedAgain() {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("1");
        XmlPath unknown = call.press("999999#");
        assertEquals(List.of("No encontramos la comunidad 9, 9, 9, 9, 9, 9.",
                "Marque el número de su comunidad, el del cartel, y luego la tecla gato."), unknown.getList("Response.Gather.Say"));
        call.press(code + "#");
        XmlPath again = call.press("2"); // "2 para marcar otra vez"
        assertEquals("Marque el número de su comunidad, el del cartel, y luego la tecla gato.", again.getString("Response.Gather.Say"));
        call.press(code + "#");
        assertEquals("No entendimos.", call.press("5").getString("Response.Gather.Say[0]"));
        assertTrue(call.press("1").getString("Response.Gather.Say").startsWith("¿Qué pasa?"));
        assertEquals("No entendimos.", call.press("0").getString("Response.Gather.Say[0]"));
    }

    @Test
    void aCallerWhoHangsUpAfterChoosingCommunityAndCategoryStillGetsATicket() {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("1");
        call.press(code + "#");
        call.press("1");
        call.press("3"); // leak; now the recording prompt plays and the caller hangs up before the beep
        call.hangUp();

        Ticket ticket = ticketOf(call);
        assertEquals("LEAK", ticket.category.name());
        assertNull(ticket.recordingSid);
        dispatcher.drain();
        assertEquals(1, TwilioApi.sentTo(wiremock, member).size());
        assertEquals(1, TwilioApi.sentTo(wiremock, caller).size());
    }

    @Test
    void aCallerWhoHangsUpEarlierLeavesAnAbandonedCallAndNoTicket() {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("1");
        call.hangUp();

        assertEquals(VoiceCall.Status.ABANDONED, call(call).status);
        assertNotNull(call(call).endedAt);
        assertEquals(0L, ticketsOf(caller));
    }

    @Test
    void theRecordingJoinsTheTicketWhenTheCallEndedCallbackArrivesFirst() {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("1");
        call.press(code + "#");
        call.press("1");
        call.press("1");
        call.hangUp(); // the status callback wins the race and opens the ticket
        call.recorded(RECORDING, true);

        assertEquals(RECORDING, ticketOf(call).recordingSid);
        assertEquals(1L, ticketsOf(caller));
    }

    @Test
    void aRepeatedWebhookGetsTheSameTwimlAndAtMostOneTicket() throws Exception {
        TestCall call = new TestCall(caller);
        String first = call.ring().prettify();
        assertEquals(first, call.ring().prettify(), "the incoming-call webhook again");
        call.press("1");
        String answer = call.repeatLastPress("1").asString();
        assertEquals(answer, call.repeatLastPress("1").asString());
        call.press(code + "#");
        call.press("1");
        call.press("4");

        // The recording webhook delivered eight times at once (Twilio retrying, two instances).
        int turn = call.turn() + 1;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> call.post("/twilio/voice/recorded?turn=" + turn, "voice/record-action.form",
                    Map.of("RecordingSid", RECORDING, "Digits", "#", "CallStatus", "in-progress")).asString());
        }
        Set<String> answers = pool.invokeAll(deliveries).stream().map(VoiceCallTest::get).collect(Collectors.toSet());
        pool.shutdown();
        assertEquals(1, answers.size(), "different answers: " + answers);
        assertTrue(answers.iterator().next().contains("Su número de reporte es"));
        assertEquals(1L, ticketsOf(caller));
    }

    @Test
    void keyNineTellsTheStatusOfTheCallersLatestReport() {
        TestCall nothing = new TestCall(caller);
        nothing.ring();
        assertEquals("No tenemos reportes de este teléfono. Gracias por llamar.", nothing.press("9").getString("Response.Say"));

        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(caller, code + " sin agua desde ayer"));
        TestCall call = new TestCall(caller);
        call.ring();
        XmlPath status = call.press("9");
        assertEquals("Su reporte " + String.join(", ", reference.split("")) + " está abierto, el comité aun no responde. Gracias por llamar.",
                status.getString("Response.Say"));
        assertEquals("", status.getString("Response.Hangup"));
    }

    @Test
    void anIntegrityComplaintByPhoneMayBeAnonymousAndNeverReachesTheCommittee() {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("1");
        call.press(code + "#");
        call.press("1");
        assertTrue(call.press("5").getString("Response.Gather.Say").startsWith("Su queja irá al organismo municipal"));
        call.press("1");
        call.recorded(RECORDING, true);
        call.hangUp();

        Ticket ticket = ticketOf(call);
        assertEquals("INTEGRITY", ticket.category.name());
        assertTrue(ticket.anonymous);
        dispatcher.drain();
        assertEquals(List.of(), TwilioApi.sentTo(wiremock, member));
        TestStaff.asStaff().get("/api/v1/tickets/{r}", ticket.reference).then().body("reporterPhone", equalTo(null));
    }

    @Test
    void unsignedVoiceWebhooksAreRefused() {
        Map<String, String> params = TwilioWebhook.fixture("voice/incoming-call.form");
        TwilioWebhook.post("/twilio/voice", params, null).then().statusCode(403);
        TwilioWebhook.post("/twilio/voice/step?turn=1", TwilioWebhook.fixture("voice/gather-digits.form"), "bm90IGEgc2lnbmF0dXJl")
                .then().statusCode(403);
        TwilioWebhook.post("/twilio/voice/status", TwilioWebhook.fixture("voice/status-completed.form"), null).then().statusCode(403);
    }

    @Test
    void theRecordedPromptsOfAFlowAreServedAndNothingElse() {
        byte[] audio = io.restassured.RestAssured.get("/ivr-audio/tzotzil-example/tzo/idioma.wav").then().statusCode(200)
                .contentType("audio/wav").extract().asByteArray();
        assertEquals("RIFF", new String(audio, 0, 4));
        io.restassured.RestAssured.get("/ivr-audio/tzotzil-example/tzo/nada.wav").then().statusCode(404);
        io.restassured.RestAssured.get("/ivr-audio/tzotzil-example/../default.json").then().statusCode(404);
        io.restassured.RestAssured.get("/ivr-audio/default/tzo/idioma.wav").then().statusCode(404);
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Ticket ticketOf(TestCall call) {
        return QuarkusTransaction.requiringNew().call(() -> {
            VoiceCall row = VoiceCall.findById(call.callSid);
            assertNotNull(row.ticket, "no ticket for the call");
            Ticket ticket = row.ticket;
            ticket.community.code.length(); // loaded inside the transaction
            return ticket;
        });
    }

    static VoiceCall call(TestCall call) {
        return QuarkusTransaction.requiringNew().call(() -> VoiceCall.findById(call.callSid));
    }

    static long ticketsOf(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.count("reporterPhone", phone));
    }
}
