package org.aguavoz.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caller IDs are easy to fake, and every SMS AguaVoz sends costs the agency: a call must not be a way to make
 * AguaVoz text a number that did not ask for it (SMS pumping). The outbox's one gate holds for calls as for SMS.
 */
@QuarkusTest
@ConnectWireMock
class SmsPumpingByCallsTest {

    private static final String TEXT_INSTEAD = "AguaVoz: no pudimos tomar su reporte por telefono. Envie un SMS a este numero"
            + " con su comunidad y que pasa, ej. 101 sin agua";

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    private String code;
    private String member;

    @BeforeEach
    void aCommunityWithACommittee() {
        code = TestCommunities.create("Nuevo Milenio");
        member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Gómez", member);
        TwilioApi.acceptEverySms(wiremock);
    }

    @Test
    void aForeignCallerIsNeverTexted() {
        String foreign = "+234803" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        failedCall(foreign);
        TestCall report = new TestCall(foreign);
        report.ring();
        report.press("1");
        report.press(code + "#");
        report.press("1");
        report.press("1");
        report.recorded(VoiceCallTest.RECORDING, true);
        report.hangUp();
        dispatcher.drain();

        assertEquals(List.of(), TwilioApi.sentTo(wiremock, foreign));
        assertEquals(List.of("a number of another country (AGUAVOZ_SMS_INTAKE_ACCEPT_FOREIGN_NUMBERS=false)"),
                refusals(foreign).stream().distinct().toList());
        // The report itself is kept and the committee hears of it: only the caller's SMS are refused.
        assertEquals(1L, VoiceCallTest.ticketsOf(foreign));
        assertEquals(1, TwilioApi.sentTo(wiremock, member).size());
    }

    @Test
    void aCallerGetsOneReportByTextSmsADay() {
        String caller = TwilioWebhook.freshVillager();
        failedCall(caller);
        failedCall(caller);
        failedCall(caller);
        dispatcher.drain();

        assertEquals(List.of(TEXT_INSTEAD), TwilioApi.sentTo(wiremock, caller));
        assertEquals(List.of("a caller gets one 'report by text' SMS a day, and this phone got one already",
                "a caller gets one 'report by text' SMS a day, and this phone got one already"), refusals(caller));
    }

    @Test
    void callsAndSmsShareThePerPhoneLimit() {
        String caller = TwilioWebhook.freshVillager();
        for (int i = 0; i < 20; i++) {
            new TestCall(caller).ring();
        }
        // The 21st contact in the hour is an SMS: it gets the one polite answer; the 22nd gets nothing.
        assertEquals("AguaVoz: recibimos muchos mensajes de este teléfono. Los guardamos todos; el organismo los revisara.",
                TwilioWebhook.smsReply(caller, code + " sin agua"));
        assertNull(TwilioWebhook.smsReply(caller, code + " sin agua"));
        failedCall(caller);
        dispatcher.drain();

        assertEquals(List.of(), TwilioApi.sentTo(wiremock, caller));
        assertEquals(List.of("the phone sent SMS or called more than AGUAVOZ_SMS_INTAKE_MAX_PER_HOUR times in the last hour"),
                refusals(caller));
    }

    /** A call in which the caller never presses a valid key: it ends with the "report by text" SMS. */
    private static void failedCall(String caller) {
        TestCall call = new TestCall(caller);
        call.ring();
        call.press("7");
        call.silence();
        call.press("8");
        call.hangUp();
    }

    private static List<String> refusals(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list(
                        "toPhone = ?1 and status = ?2 order by id", phone, OutboundMessage.Status.NOT_SENT)
                .stream().map(m -> m.lastError).toList());
    }
}
