package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes what became of a send: accepted, retried later with backoff, or failed for good. */
@ApplicationScoped
class SendResults {

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;

    SendResults(EntityManager em, OutboxConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void record(OutboxClaims.Claim claim, SendResult result) {
        OutboundMessage message = em.find(OutboundMessage.class, claim.id());
        Instant now = clock.instant();
        message.updatedAt = now;
        message.claimedUntil = null;
        if (result instanceof SendResult.Accepted accepted) {
            message.twilioSid = accepted.sid();
            message.status = accepted.status();
            message.sentAt = now;
            message.lastError = null;
            if (accepted.status() == OutboundMessage.Status.DELIVERED || accepted.status() == OutboundMessage.Status.FAILED
                    || accepted.status() == OutboundMessage.Status.UNDELIVERED) {
                message.finalAt = now;
            }
            applyEarlyReports(message, now);
        } else if (result instanceof SendResult.Permanent permanent) {
            fail(message, permanent.reason(), permanent.errorCode(), now);
        } else if (result instanceof SendResult.Temporary temporary) {
            message.errorCode = temporary.errorCode();
            retryOrFail(message, temporary.reason(), now);
        } else if (result instanceof SendResult.Unknown unknown) {
            if (message.outcomeUnknown) {
                fail(message, unknown.reason() + " (second time: not sent again, to avoid a duplicate)", null, now);
            } else {
                message.outcomeUnknown = true;
                retryOrFail(message, unknown.reason(), now);
            }
        }
    }

    /** Delivery reports that came in before the SID was stored. */
    @SuppressWarnings("unchecked")
    private void applyEarlyReports(OutboundMessage message, Instant now) {
        List<Object[]> early = em.createNativeQuery(
                        "delete from early_status_report where twilio_sid = ?1 returning status, error_code")
                .setParameter(1, message.twilioSid)
                .getResultList();
        for (Object[] report : early) {
            DeliveryReports.apply(message, (String) report[0],
                    report[1] == null ? null : report[1].toString(), now);
        }
    }

    private void retryOrFail(OutboundMessage message, String reason, Instant now) {
        if (message.attempts >= config.maxAttempts()) {
            fail(message, reason + " (after " + message.attempts + " tries)", message.errorCode, now);
            return;
        }
        message.status = OutboundMessage.Status.PENDING;
        message.lastError = reason;
        message.nextAttemptAt = now.plus(backoff(message.attempts));
    }

    /** Exponential from the first retry, doubling, capped; with jitter so a burst of failures does not retry in step. */
    Duration backoff(int attempts) {
        long first = config.firstRetryAfter().toMillis();
        long capped = Math.min(config.maxRetryAfter().toMillis(), first << Math.min(attempts - 1, 30));
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static void fail(OutboundMessage message, String reason, Integer code, Instant now) {
        message.status = OutboundMessage.Status.FAILED;
        message.lastError = reason;
        message.errorCode = code;
        message.finalAt = now;
    }
}
