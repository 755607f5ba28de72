package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Many Mexican and Kenyan carriers send no delivery receipt, so an SMS can stay "sent" (or even "queued") forever.
 * After three days without news, its record is settled: the status Twilio last gave stays, with a final date and the
 * reason, so every outbound SMS reaches a final state and the dashboard can say "no receipt" rather than "pending".
 */
@ApplicationScoped
public class SettleSilentDeliveries {

    static final Duration SILENCE = Duration.ofHours(72);

    private final EntityManager em;
    private final Clock clock;

    SettleSilentDeliveries(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        settle();
    }

    /** Returns how many records it settled. The update is idempotent: several instances may run it at once. */
    @Transactional
    public int settle() {
        Instant now = clock.instant();
        return em.createNativeQuery("""
                        update outbound_message set final_at = ?1, updated_at = ?1,
                            last_error = coalesce(last_error, 'no delivery report within 72 h (the carrier may not send them)')
                        where status in ('QUEUED', 'SENT') and final_at is null and sent_at < ?2""")
                .setParameter(1, now)
                .setParameter(2, now.minus(SILENCE))
                .executeUpdate();
    }
}
