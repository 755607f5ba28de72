package org.aguavoz.intake.sms;


import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * An incoming SMS, from webhook to answer: stored first (its own transaction), then answered (a second one).
 * If answering fails, the message stays stored and unanswered; {@link RetryUnansweredSms} takes it up again,
 * and the reporter is told their message arrived.
 */
@ApplicationScoped
public class ReceiveSms {

    private static final Logger LOG = Logger.getLogger(ReceiveSms.class);

    private final StoreInboundSms store;
    private final AnswerSms answer;

    ReceiveSms(StoreInboundSms store, AnswerSms answer) {
        this.store = store;
        this.answer = answer;
    }

    /** The reply to send back, or null for none. */
    public String receive(InboundSms sms) {
        long id = store.store(sms);
        try {
            return answer.answer(id, AnswerSms.ReplyBy.WEBHOOK);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not answer inbound message %d; it is stored and will be retried", id);
            answer.recordFailure(id, e);
            return SmsDialogue.texts("es").receivedWillAnswer();
        }
    }
}
