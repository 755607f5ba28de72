package org.aguavoz.intake.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.notices.SmsBundles;
import org.jboss.logging.Logger;

/**
 * An incoming SMS, from webhook to answer: stored first (its own transaction), then answered (a second one).
 * If answering fails, the message stays stored and unanswered; {@link RetryUnansweredSms} takes it up again,
 * and the reporter is told their message arrived.
 *
 * <p>Under a flood ({@link IntakeLoad}) a new message is only stored: the webhook answers empty TwiML at once and
 * {@link AnswerLater} answers the message moments later, the reply going out as an SMS from the outbox. Nothing is
 * lost either way: the message is committed before the webhook answers.
 */
@ApplicationScoped
public class ReceiveSms {

    private static final Logger LOG = Logger.getLogger(ReceiveSms.class);

    private final StoreInboundSms store;
    private final AnswerSms answer;
    private final AnswerLater answerLater;
    private final IntakeLoad load;
    private final Counter answeredInWebhook;
    private final Counter answeredLater;

    ReceiveSms(StoreInboundSms store, AnswerSms answer, AnswerLater answerLater, IntakeLoad load,
            MeterRegistry metrics) {
        this.store = store;
        this.answer = answer;
        this.answerLater = answerLater;
        this.load = load;
        // On /q/metrics as aguavoz_sms_stored_total{answer="webhook|later"}: "later" rising means a flood.
        this.answeredInWebhook = metrics.counter("aguavoz.sms.stored", "answer", "webhook");
        this.answeredLater = metrics.counter("aguavoz.sms.stored", "answer", "later");
    }

    /** The reply to send back in TwiML, or null for none (nothing to say, or the answer follows by SMS). */
    public String receive(InboundSms sms) {
        load.enter();
        // Decided before storing, so that the row says how its answer will travel (see AnswerSms).
        boolean answerNow = load.tryAnswerNow();
        try {
            StoreInboundSms.Stored stored = store.store(sms, !answerNow);
            if (stored.fresh() && !answerNow) {
                answeredLater.increment();
                answerLater.answer(stored.id());
                return null;
            }
            if (stored.fresh()) {
                answeredInWebhook.increment();
            }
            try {
                // A repeated delivery waits here for the first one's answer (row lock) and repeats it.
                return answer.answer(stored.id(), AnswerSms.ReplyBy.WEBHOOK);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not answer inbound message %d; it is stored and will be retried", stored.id());
                answer.recordFailure(stored.id(), e);
                return SmsBundles.texts("es").receivedWillAnswer();
            }
        } finally {
            if (answerNow) {
                load.answered();
            }
            load.leave();
        }
    }
}
