package org.aguavoz.intake.sms;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers, one at a time in the background, the messages a busy webhook only stored; the reply goes out as an SMS
 * from the outbox. One thread, so a flood does not also take the CPU the webhooks need; a full queue drops the
 * task, not the message: {@link RetryUnansweredSms} answers whatever is still unanswered after its grace period.
 */
@ApplicationScoped
class AnswerLater {

    private static final Logger LOG = Logger.getLogger(AnswerLater.class);
    private static final int QUEUE = 20_000;

    private final AnswerSms answer;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "sms-answer-later");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    AnswerLater(AnswerSms answer) {
        this.answer = answer;
    }

    void answer(long inboundId) {
        worker.execute(() -> {
            try {
                answer.answer(inboundId, AnswerSms.ReplyBy.OUTBOX);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not answer inbound message %d later; it is stored and will be retried", inboundId);
                answer.recordFailure(inboundId, e);
            }
        });
    }

    /** Messages waiting here are stored: on shutdown they are left to RetryUnansweredSms (any instance). */
    void stop(@Observes ShutdownEvent stop) {
        worker.shutdownNow();
    }

    int waiting() {
        return worker.getQueue().size();
    }
}
