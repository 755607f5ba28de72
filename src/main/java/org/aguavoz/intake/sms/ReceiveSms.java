package org.aguavoz.intake.sms;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * An incoming SMS, from webhook to answer: stored first (its own transaction), then answered (a second one).
 * If answering fails, the message stays stored and unanswered; {@link RetryUnansweredSms} takes it up again,
 * and the reporter is told their message arrived.
 *
 * <p>Under a flood (an outage in a big town, thousands of texts at once) answering every message inside its
 * webhook would queue requests until Twilio gives up after 15 s and retries, making the flood worse. So only a
 * few new messages are answered in their webhook at the same time; the others are stored, get empty TwiML at once,
 * and are answered a moment later by {@link AnswerLater}, with the reply sent as an SMS from the outbox. Nothing
 * is lost either way: the message is committed before the webhook answers.
 */
@ApplicationScoped
public class ReceiveSms {

    private static final Logger LOG = Logger.getLogger(ReceiveSms.class);

    private final StoreInboundSms store;
    private final AnswerSms answer;
    private final AnswerLater answerLater;
    private final Semaphore answering;

    ReceiveSms(StoreInboundSms store, AnswerSms answer, AnswerLater answerLater, SmsIntakeConfig config) {
        this.store = store;
        this.answer = answer;
        this.answerLater = answerLater;
        int permits = config.maxConcurrentAnswers() > 0 ? config.maxConcurrentAnswers()
                : 2 * Runtime.getRuntime().availableProcessors();
        this.answering = new Semaphore(permits);
    }

    /** For a test that takes the permits to play a flood (a method: CDI's client proxy does not pass fields on). */
    Semaphore answeringPermits() {
        return answering;
    }

    /** The reply to send back in TwiML, or null for none (nothing to say, or the answer follows by SMS). */
    public String receive(InboundSms sms) {
        StoreInboundSms.Stored stored = store.store(sms);
        // A repeated delivery needs no permit: it waits for the first one's answer and repeats it.
        boolean permitted = !stored.fresh() || answering.tryAcquire();
        if (!permitted) {
            answerLater.answer(stored.id());
            return null;
        }
        try {
            return answer.answer(stored.id(), AnswerSms.ReplyBy.WEBHOOK);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not answer inbound message %d; it is stored and will be retried", stored.id());
            answer.recordFailure(stored.id(), e);
            return SmsDialogue.texts("es").receivedWillAnswer();
        } finally {
            if (stored.fresh()) {
                answering.release();
            }
        }
    }
}
