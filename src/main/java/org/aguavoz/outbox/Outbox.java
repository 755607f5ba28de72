package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.phones.PhoneNumber;

/**
 * Queues SMS. Only writes rows, inside the caller's transaction: if the change that caused a message rolls back,
 * so does the message. Sending happens after commit, elsewhere; a {@code NOTICE} written during quiet hours waits
 * for their end (see OutboxClaims).
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    Outbox(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMessage enqueue(PhoneNumber to, String body, Long ticketId, OutboundMessage.Timing timing) {
        Instant now = clock.instant();
        OutboundMessage message = new OutboundMessage();
        message.toPhone = to.e164();
        message.body = body;
        message.ticketId = ticketId;
        message.timing = timing;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.updatedAt = now;
        message.persist();
        return message;
    }
}
