package org.aguavoz.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.aguavoz.phones.PhoneNumber;
import org.junit.jupiter.api.Test;

/** The demo runs without Twilio: SMS are kept, marked not_sent with the reason, and the app carries on. */
@QuarkusTest
@TestProfile(OutboxWithoutCredentialsTest.NoTwilio.class)
class OutboxWithoutCredentialsTest {

    public static class NoTwilio implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twilio.account-sid", "", "twilio.auth-token", "");
        }
    }

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Test
    void messagesAreKeptAsNotSentWithTheReason() {
        long id = QuarkusTransaction.requiringNew().call(() ->
                outbox.enqueue(new PhoneNumber("+529615550101"), "AguaVoz: reporte 4821 recibido.", null, OutboundMessage.Timing.REPLY).id);

        dispatcher.drain();

        OutboundMessage kept = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.findById(id));
        assertEquals(OutboundMessage.Status.NOT_SENT, kept.status);
        assertEquals("no Twilio credentials (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, AGUAVOZ_SMS_FROM)", kept.lastError);
        assertEquals("AguaVoz: reporte 4821 recibido.", kept.body);
    }
}
