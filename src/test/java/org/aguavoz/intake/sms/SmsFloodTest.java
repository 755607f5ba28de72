package org.aguavoz.intake.sms;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.junit.jupiter.api.Test;

/**
 * A flood: more webhooks in flight than may answer (played by entering {@link IntakeLoad} as many webhooks would),
 * so a new message is only stored, the webhook answers empty TwiML at once, and the answer follows as an SMS from
 * the outbox (the background gives way to the flood, but not for ever) — once, and a repeated delivery of the
 * webhook, before or after that SMS, gets the same empty answer.
 */
@QuarkusTest
class SmsFloodTest {

    @Inject
    IntakeLoad load;

    @Test
    void duringAFloodTheWebhookOnlyStoresAndTheAnswerFollowsBySms() throws InterruptedException {
        String code = TestCommunities.create("Rio Blanco Arriba");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Tomás Vázquez", member);
        String villager = TwilioWebhook.freshVillager();
        Map<String, String> sms = TwilioWebhook.sms(villager, code + " sin agua desde anoche");

        double storedForLater = metric("aguavoz_sms_stored_total{answer=\"later\"}");
        int webhooks = load.limit();
        // Every answering slot is busy (as with other answers under way), so the background cannot answer yet...
        int slots = 0;
        while (load.tryAnswerNow()) {
            slots++;
        }
        assertEquals(load.limit(), slots);
        // ...and as many webhooks are in flight as may answer: one more is a flood.
        for (int i = 0; i < webhooks; i++) {
            load.enter();
        }
        try {
            TwilioWebhook.post("/twilio/sms", sms).then().statusCode(200).body(containsString("<Response/>"));
            // Twilio delivers the same webhook again before the answer went out: the same empty answer, no second
            // ticket, and the answer is still the background's to send.
            TwilioWebhook.post("/twilio/sms", sms).then().statusCode(200).body(containsString("<Response/>"));
            assertEquals(0, outboxTo(villager).size());
            assertEquals(storedForLater + 1, metric("aguavoz_sms_stored_total{answer=\"later\"}"),
                    "counted once, the repeat not");
            assertTrue(metric("aguavoz_sms_answers_waiting") >= 1, "the answer waits in the background");

            for (int i = 0; i < slots; i++) {
                load.answered();
            }
            slots = 0;
            List<OutboundMessage> replies = waitForReplyTo(villager);
            assertEquals(1, replies.size());
            assertTrue(replies.get(0).body.matches("AguaVoz: reporte [0-9]{4,6} recibido\\. El comité de Rio Blanco Arriba fue avisado\\."),
                    replies.get(0).body);
            assertEquals(OutboundMessage.Timing.REPLY, replies.get(0).timing);

            // And again after the answer went out: still empty, still one reply, one ticket.
            TwilioWebhook.post("/twilio/sms", sms).then().statusCode(200).body(containsString("<Response/>"));
            assertEquals(1, outboxTo(villager).size());
            assertEquals(1, outboxTo(member).size(), "the committee is told as for any report");
        } finally {
            for (int i = 0; i < slots; i++) {
                load.answered();
            }
            for (int i = 0; i < webhooks; i++) {
                load.leave();
            }
            while (load.flooded()) {
                Thread.sleep(10); // the next test's webhooks answer in TwiML again
            }
        }
    }

    /** The value of one line of /q/metrics (Prometheus text), 0 when the series does not exist yet. */
    private static double metric(String series) {
        return org.aguavoz.Management.given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst().orElse(0);
    }

    private static List<OutboundMessage> waitForReplyTo(String phone) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<OutboundMessage> found = outboxTo(phone);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reply was queued for " + phone + " within 10 s");
    }

    private static List<OutboundMessage> outboxTo(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list("toPhone", phone));
    }
}
