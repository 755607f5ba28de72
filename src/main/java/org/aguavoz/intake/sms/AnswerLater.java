package org.aguavoz.intake.sms;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers, in the background, the messages a flooded webhook only stored; the reply goes out as an SMS from the
 * outbox. Each answer first gives way to webhooks until intake is quiet ({@link IntakeLoad#quiet()}), for at most
 * {@link #GIVE_WAY_AT_MOST}, so storing comes first and answers still trickle out during a long flood; once it is
 * over, the workers catch up at full speed. A full queue drops the task, not the message:
 * {@link RetryUnansweredSms} answers whatever is still unanswered after its grace period.
 */
@ApplicationScoped
class AnswerLater {

    private static final Logger LOG = Logger.getLogger(AnswerLater.class);
    /** A task is a message id (a few dozen bytes): a long flood fits; beyond it, the retry job answers. */
    private static final int QUEUE = 200_000;
    static final Duration GIVE_WAY_AT_MOST = Duration.ofMillis(250);

    private final AnswerSms answer;
    private final IntakeLoad load;
    private final ThreadPoolExecutor workers;

    AnswerLater(AnswerSms answer, IntakeLoad load, MeterRegistry metrics) {
        this.answer = answer;
        this.load = load;
        // Half the answering slots (webhooks keep the other half), and no more than there are processors: answering
        // is CPU work, in the app and in PostgreSQL.
        int threads = Math.max(1, Math.min(load.limit() / 2, Runtime.getRuntime().availableProcessors()));
        AtomicInteger number = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                runnable -> {
                    Thread thread = new Thread(runnable, "sms-answer-later-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        // On /q/metrics as aguavoz_sms_answers_waiting: messages stored during a flood and not answered yet here.
        Gauge.builder("aguavoz.sms.answers.waiting", workers, w -> w.getQueue().size() + w.getActiveCount())
                .description("Messages stored during a flood whose answer this instance has still to give")
                .register(metrics);
    }

    void answer(long inboundId) {
        workers.execute(() -> {
            try {
                load.awaitTurn(GIVE_WAY_AT_MOST);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: the stored message is left to the retry job
                return;
            }
            try {
                answer.answer(inboundId, AnswerSms.ReplyBy.OUTBOX);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not answer inbound message %d later; it is stored and will be retried", inboundId);
                answer.recordFailure(inboundId, e);
            } finally {
                load.answered();
            }
        });
    }

    /** Messages waiting here are stored: on shutdown they are left to RetryUnansweredSms (any instance). */
    void stop(@Observes ShutdownEvent stop) {
        workers.shutdownNow();
    }
}
