package org.aguavoz.intake.sms;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.conversation.IncomingSms;
import org.aguavoz.conversation.SmsDialogue;
import org.aguavoz.notices.Replies;
import org.aguavoz.phones.PhoneNumbers;

/**
 * Step two of intake: understands a stored message and answers it, in one transaction with the ticket and the
 * outbox rows it causes. The message row is locked first, so a repeated delivery waits for the first to finish
 * and then gets the very same answer.
 */
@ApplicationScoped
class AnswerSms {

    /** How the answer reaches the reporter: in the webhook's TwiML, or (when retried later) through the outbox. */
    enum ReplyBy { WEBHOOK, OUTBOX }

    private final EntityManager em;
    private final SmsDialogue dialogue;
    private final Replies replies;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    AnswerSms(EntityManager em, SmsDialogue dialogue, Replies replies, PhoneNumbers phoneNumbers, Clock clock) {
        this.em = em;
        this.dialogue = dialogue;
        this.replies = replies;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String answer(long inboundId, ReplyBy replyBy) {
        InboundMessage message = lock(inboundId);
        boolean bySms = "OUTBOX".equals(message.replyChannel);
        if (message.isProcessed() || (bySms && replyBy == ReplyBy.WEBHOOK)) {
            // A repeated webhook gets the same TwiML answer. When the answer goes (or went) by SMS, the first delivery
            // answered empty TwiML, and so does this one: the background answers, the reporter gets one reply.
            return replyBy == ReplyBy.WEBHOOK && !bySms ? message.replyBody : null;
        }
        SmsDialogue.Answer answer = dialogue.answer(new IncomingSms(message.id, message.fromPhone, message.body,
                message.receivedAt, message.simulatedBy));
        message.replyBody = answer.reply();
        message.ticketId = answer.ticketId();
        message.processedAt = clock.instant();
        message.processingError = null;
        message.replyChannel = answer.reply() == null ? null : replyBy == ReplyBy.OUTBOX ? "OUTBOX" : "TWIML";
        if (replyBy == ReplyBy.OUTBOX && answer.reply() != null) {
            phoneNumbers.parse(message.fromPhone)
                    .ifPresent(phone -> replies.bySms(phone, answer.reply(), answer.ticketId()));
        }
        return answer.reply();
    }

    /**
     * Loads the row locked, in one statement of plain SQL; a second delivery waits here for the first to commit.
     * (Not {@code em.find} with a lock mode: Hibernate 7.2's follow-on locking has failed under load, see Reporters.)
     */
    private InboundMessage lock(long inboundId) {
        List<?> row = em.createNativeQuery("select * from inbound_message where id = ?1 for update", InboundMessage.class)
                .setParameter(1, inboundId).getResultList();
        return row.isEmpty() ? null : (InboundMessage) row.get(0);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void recordFailure(long inboundId, Exception error) {
        InboundMessage message = lock(inboundId);
        if (message != null && !message.isProcessed()) {
            message.attempts++;
            String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
            message.processingError = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        }
    }
}
