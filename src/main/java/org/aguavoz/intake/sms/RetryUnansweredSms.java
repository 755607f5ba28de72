package org.aguavoz.intake.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Picks up messages that were stored but could not be answered (a bug, a database hiccup) and answers them
 * through the outbox. Answering is idempotent under the message's row lock, so several instances running this
 * at once answer each message once.
 */
@ApplicationScoped
class RetryUnansweredSms {

    private static final Logger LOG = Logger.getLogger(RetryUnansweredSms.class);
    /** Leaves the webhook that is answering right now alone. */
    private static final Duration GRACE = Duration.ofSeconds(30);
    static final int MAX_ATTEMPTS = 10;

    private final EntityManager em;
    private final AnswerSms answer;
    private final Clock clock;

    RetryUnansweredSms(EntityManager em, AnswerSms answer, Clock clock) {
        this.em = em;
        this.answer = answer;
        this.clock = clock;
    }

    @Scheduled(every = "${aguavoz.sms.intake.retry-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retry() {
        // After a flood whose overflow did not fit AnswerLater's queue, thousands may wait: keep going, batch by
        // batch, but not forever in one run.
        for (int batch = 0; batch < 40; batch++) {
            List<Long> ids = unanswered();
            for (Long id : ids) {
                try {
                    answer.answer(id, AnswerSms.ReplyBy.OUTBOX);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Inbound message %d still cannot be answered", id);
                    answer.recordFailure(id, e);
                }
            }
            if (ids.size() < 50) {
                return;
            }
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Long> unanswered() {
        return ((List<Number>) em.createNativeQuery("""
                        select id from inbound_message
                        where processed_at is null and received_at < ?1 and attempts < ?2
                        order by id limit 50""")
                .setParameter(1, clock.instant().minus(GRACE))
                .setParameter(2, MAX_ATTEMPTS)
                .getResultList()).stream().map(Number::longValue).toList();
    }
}
