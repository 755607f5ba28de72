package org.aguavoz.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.phones.PhoneNumber;
import org.junit.jupiter.api.Test;

/**
 * A burst is spread out at the sender's pace, not refused: the rest waits its turn in the outbox. The sender here is
 * a Messaging Service (AGUAVOZ_SMS_FROM=MG…), which Twilio gets as MessagingServiceSid instead of From.
 */
@QuarkusTest
@TestProfile(OutboxRateLimitTest.TwoPerSecond.class)
@ConnectWireMock
class OutboxRateLimitTest {

    public static class TwoPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aguavoz.outbox.max-per-second", "2", "aguavoz.outbox.poll-every", "1s",
                    "aguavoz.sms.from", MESSAGING_SERVICE);
        }
    }

    static final String MESSAGING_SERVICE = "MGaaabf0d39951f3e6c3e8a7911df524c2";

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void aBurstGoesOutAtTheNumbersPace() {
        TwilioApi.acceptEverySms(wiremock);
        List<Long> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String to = TwilioWebhook.freshVillager();
            burst.add(QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new PhoneNumber(to), "aviso", null, OutboundMessage.Timing.NOTICE).id));
        }

        Instant start = Instant.now();
        int first = dispatcher.drain();
        int rightAfter = dispatcher.drain();

        assertEquals(2, first, "two a second, claimed for the coming second");
        assertEquals(0, rightAfter, "the next ones wait for the number's next free moment");
        Instant nextFree = QuarkusTransaction.requiringNew().call(() -> OutboxClaims.instant(em.createNativeQuery(
                "select next_free_at from sender_pace where sender = '" + MESSAGING_SERVICE + "'").getSingleResult()));
        Duration ahead = Duration.between(start, nextFree);
        assertTrue(ahead.compareTo(Duration.ofMillis(800)) > 0 && ahead.compareTo(Duration.ofMillis(1500)) < 0, ahead.toString());
        long waiting = QuarkusTransaction.requiringNew().call(() ->
                OutboundMessage.count("id in ?1 and status = ?2", burst, OutboundMessage.Status.PENDING));
        assertEquals(8, waiting, "nothing refused: the rest is still pending");
        List<LoggedRequest> sent = wiremock.find(postRequestedFor(urlEqualTo(TwilioApi.MESSAGES)));
        assertEquals(2, sent.size());
        assertTrue(sent.get(0).getBodyAsString().contains("MessagingServiceSid=" + MESSAGING_SERVICE), sent.get(0).getBodyAsString());
        assertTrue(!sent.get(0).getBodyAsString().contains("From="), "a Messaging Service picks the number itself");
    }
}
