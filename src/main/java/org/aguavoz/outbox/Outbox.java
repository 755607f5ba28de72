package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.phones.PhoneNumber;

/**
 * Queues SMS. Only writes rows, inside the caller's transaction: if the change that caused a message rolls back,
 * so does the message. Sending happens after commit, elsewhere; a {@code NOTICE} written during quiet hours waits
 * for their end (see OutboxClaims). Every row passes {@link SmsGate}: a phone that may not be texted gets a row
 * marked {@code not_sent} with the reason, so the timeline shows what was held back and why.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;
    private final SmsGate gate;

    Outbox(Clock clock, SmsGate gate) {
        this.clock = clock;
        this.gate = gate;
    }

    /** The row; its status is {@code NOT_SENT} when the gate refused the phone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMessage enqueue(PhoneNumber to, String body, Long ticketId, OutboundMessage.Timing timing) {
        return enqueue(to, body, ticketId, timing, OutboundMessage.Purpose.ANY);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboundMessage enqueue(PhoneNumber to, String body, Long ticketId, OutboundMessage.Timing timing,
            OutboundMessage.Purpose purpose) {
        Instant now = clock.instant();
        OutboundMessage message = new OutboundMessage();
        message.toPhone = to.e164();
        message.body = body;
        message.ticketId = ticketId;
        message.timing = timing;
        message.purpose = purpose == OutboundMessage.Purpose.ANY ? null : purpose;
        message.nextAttemptAt = now;
        message.createdAt = now;
        message.updatedAt = now;
        Optional<SmsGate.Refusal> refusal = gate.check(to, purpose);
        if (refusal.isPresent()) {
            message.status = OutboundMessage.Status.NOT_SENT;
            message.lastError = refusal.get().reason();
            message.finalAt = now;
        }
        message.persist();
        return message;
    }
}
