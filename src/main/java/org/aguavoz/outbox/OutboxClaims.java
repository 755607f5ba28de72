package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.agency.Agency;

/**
 * Takes due rows out of the outbox for one sender, in one short transaction. Several instances may do this at
 * once on one database: {@code FOR UPDATE SKIP LOCKED} gives each row to one of them, and the lock on the
 * sending number's {@code sender_pace} row makes them share its rate limit.
 */
@ApplicationScoped
class OutboxClaims {

    /** A row this sender now holds, to send after the claiming transaction commits. */
    record Claim(long id, String to, String body, boolean outcomeUnknown) {
    }

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;

    OutboxClaims(EntityManager em, OutboxConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Without Twilio credentials (the demo) nothing can be sent: due rows end as not_sent, with the reason. */
    @Transactional
    int markUnsendable(String reason) {
        return em.createNativeQuery("""
                        update outbound_message set status = 'NOT_SENT', last_error = ?1, final_at = ?2, updated_at = ?2
                        where status = 'PENDING' and next_attempt_at <= ?2""")
                .setParameter(1, reason)
                .setParameter(2, clock.instant())
                .executeUpdate();
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<Claim> claim(String sender) {
        Instant now = clock.instant();
        int allowed = config.batchSize();
        Instant freeAt = now;
        if (config.maxPerSecond() > 0) {
            em.createNativeQuery("insert into sender_pace (sender, next_free_at) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, sender).setParameter(2, now).executeUpdate();
            Instant nextFree = instant(em.createNativeQuery("select next_free_at from sender_pace where sender = ?1 for update")
                    .setParameter(1, sender).getSingleResult());
            freeAt = nextFree.isAfter(now) ? nextFree : now;
            // Claim what this sender may send until the next poll; the rest waits its turn.
            double seconds = Duration.between(freeAt, now.plus(config.pollEvery())).toMillis() / 1000.0;
            allowed = (int) Math.min(allowed, Math.floor(seconds * config.maxPerSecond()));
            if (allowed <= 0) {
                return List.of();
            }
        }
        // Quiet hours are checked here, when a row could go out, not when it was written: a notice written at
        // 20:59 whose first try fails is not retried at 21:05, and one held overnight goes out first at 07:00.
        boolean quiet = Agency.get().isQuietAt(now);
        List<Object[]> rows = em.createNativeQuery("""
                        select o.id, o.to_phone, o.body, o.status, o.outcome_unknown, coalesce(r.opted_out, false)
                        from outbound_message o left join reporter r on r.phone = o.to_phone
                        where ((o.status = 'PENDING' and o.next_attempt_at <= ?1)
                           or (o.status = 'SENDING' and o.claimed_until < ?1))
                          and (o.timing <> 'NOTICE' or not ?3)
                        order by o.next_attempt_at, o.id
                        limit ?2
                        for update of o skip locked""")
                .setParameter(1, now)
                .setParameter(2, allowed)
                .setParameter(3, quiet)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            boolean leaseRanOut = "SENDING".equals(row[3]);
            boolean alreadyUnknown = (Boolean) row[4];
            boolean optedOut = (Boolean) row[5];
            if (optedOut) {
                finish(id, "NOT_SENT", "the recipient opted out (BAJA/STOP)", now);
            } else if (leaseRanOut && alreadyUnknown) {
                finish(id, "FAILED", "outcome unknown twice: not sent again, to avoid a duplicate", now);
            } else {
                // A lease that ran out: its sender died mid-call, and Twilio may have sent it. One more try, marked.
                boolean unknown = alreadyUnknown || leaseRanOut;
                em.createNativeQuery("""
                                update outbound_message set status = 'SENDING', claimed_until = ?2, attempts = attempts + 1,
                                    sender = ?3, outcome_unknown = ?4, updated_at = ?5 where id = ?1""")
                        .setParameter(1, id)
                        .setParameter(2, now.plus(config.lease()))
                        .setParameter(3, sender)
                        .setParameter(4, unknown)
                        .setParameter(5, now)
                        .executeUpdate();
                claims.add(new Claim(id, (String) row[1], (String) row[2], unknown));
            }
        }
        if (config.maxPerSecond() > 0 && !claims.isEmpty()) {
            long spacingMicros = Math.round(claims.size() * 1_000_000 / config.maxPerSecond());
            em.createNativeQuery("update sender_pace set next_free_at = ?2 where sender = ?1")
                    .setParameter(1, sender)
                    .setParameter(2, freeAt.plus(Duration.ofNanos(spacingMicros * 1000)))
                    .executeUpdate();
        }
        return claims;
    }

    /** A timestamptz from a native query, whichever Java type the driver and Hibernate chose for it. */
    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private void finish(long id, String status, String reason, Instant now) {
        em.createNativeQuery("""
                        update outbound_message set status = ?2, last_error = ?3, final_at = ?4, updated_at = ?4,
                            claimed_until = null where id = ?1""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, reason).setParameter(4, now)
                .executeUpdate();
    }
}
