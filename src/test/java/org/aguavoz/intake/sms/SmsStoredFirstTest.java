package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.junit.jupiter.api.Test;

/**
 * A report that reached us is stored, whatever fails after. The test makes ticket creation fail for real, in
 * the database, for one community only, then lets it succeed and runs the retry job.
 */
@QuarkusTest
class SmsStoredFirstTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RetryUnansweredSms retry;

    @Test
    void aMessageWhoseTicketCannotBeOpenedIsKeptAndAnsweredLater() throws SQLException {
        String code = TestCommunities.create("Falla");
        String villager = TwilioWebhook.freshVillager();
        Map<String, String> params = TwilioWebhook.sms(villager, code + " sin agua");
        execute("""
                create function refuse_ticket_%1$s() returns trigger language plpgsql as $$
                begin
                    if new.community_id = (select id from community where code = '%1$s') then
                        raise exception 'the disk is full (simulated)';
                    end if;
                    return new;
                end $$;
                create trigger refuse_ticket_%1$s before insert on ticket
                    for each row execute function refuse_ticket_%1$s();
                """.formatted(code));
        try {
            TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                    .body("Response.Message.Body", org.hamcrest.Matchers.equalTo(
                            "AguaVoz: recibimos su mensaje. En breve le enviamos su numero de reporte."));
        } finally {
            execute("drop trigger refuse_ticket_%1$s on ticket; drop function refuse_ticket_%1$s();".formatted(code));
        }
        InboundMessage stored = message(params.get("MessageSid"));
        assertNull(stored.processedAt);
        assertEquals(1, stored.attempts);
        assertTrue(stored.processingError.contains("disk is full"), stored.processingError);

        // The retry job leaves fresh messages to their webhook; this one is older than that.
        execute("update inbound_message set received_at = received_at - interval '1 minute' where id = " + stored.id);
        retry.retry();

        InboundMessage answered = message(params.get("MessageSid"));
        assertNotNull(answered.processedAt);
        assertNotNull(answered.ticketId);
        String reply = answered.replyBody;
        assertTrue(reply.startsWith("AguaVoz: reporte "), reply);
        OutboundMessage toReporter = QuarkusTransaction.requiringNew().call(() ->
                OutboundMessage.<OutboundMessage>find("toPhone", villager).firstResult());
        assertEquals(reply, toReporter.body);

        // Twilio delivers the webhook again: the answer already went by SMS, so this time it is silence.
        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<Response/>"));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> OutboundMessage.count("toPhone", villager)));
    }

    private static InboundMessage message(String sid) {
        return QuarkusTransaction.requiringNew().call(() -> InboundMessage.<InboundMessage>find("messageSid", sid).firstResult());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
