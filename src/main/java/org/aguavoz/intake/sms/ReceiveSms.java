package org.aguavoz.intake.sms;

import java.time.Clock;

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
 *
 * <p>When the database cannot take the message at all (stopped, restarting, unreachable), it goes to the
 * {@link SmsSpool} on disk instead, and the webhook still answers 200 with the "we will send your report number"
 * text: Twilio does not deliver an SMS webhook again after a 5xx, so an error would lose the report.
 * {@link DrainSmsSpool} stores and answers it once the database is back.
 */
@ApplicationScoped
public class ReceiveSms {

    private static final Logger LOG = Logger.getLogger(ReceiveSms.class);

    private final StoreInboundSms store;
    private final AnswerSms answer;
    private final AnswerLater answerLater;
    private final IntakeLoad load;
    private final SmsSpool spool;
    private final Clock clock;
    private final Counter answeredInWebhook;
    private final Counter answeredLater;

    ReceiveSms(StoreInboundSms store, AnswerSms answer, AnswerLater answerLater, IntakeLoad load, SmsSpool spool,
            Clock clock, MeterRegistry metrics) {
        this.spool = spool;
        this.clock = clock;
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
            StoreInboundSms.Stored stored;
            try {
                stored = store.store(sms, !answerNow);
            } catch (RuntimeException e) {
                return spool(sms, e);
            }
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

    /**
     * Whatever kept the message out of the database, the spool keeps it (a disk that cannot take it either is the
     * one case that still answers 500). Not only a lost connection: a message is never dropped for a reason we did
     * not foresee, and a file that cannot be stored stops the drain and shows on the spool gauge.
     */
    private String spool(InboundSms sms, RuntimeException why) {
        spool.append(new SpooledSms(sms, clock.instant()));
        LOG.warnf("Inbound message %s spooled, the database did not take it: %s", sms.messageSid(), rootCause(why));
        return SmsBundles.texts("es").receivedWillAnswer();
    }

    private static String rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
