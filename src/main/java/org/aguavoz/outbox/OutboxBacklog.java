package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * How the outbox is doing, for the people who must act when SMS stop going out: the staff's list page and the
 * operator's Prometheus read the same figures. Waiting = pending or being sent; failed = failed or not delivered
 * in the last day (those people did not get their SMS).
 */
@io.quarkus.runtime.Startup // its gauges exist from the first scrape
@ApplicationScoped
public class OutboxBacklog {

    static final Duration RECENT = Duration.ofDays(1);

    /** The figures; {@code failedTicketIds}: tickets with a recent failure, the latest first. */
    public record Summary(long waiting, Optional<Duration> oldestWaiting, long failedLastDay,
            List<Long> failedTicketIds) {
    }

    private final EntityManager em;
    private final Clock clock;

    OutboxBacklog(EntityManager em, Clock clock, MeterRegistry metrics) {
        this.em = em;
        this.clock = clock;
        for (OutboundMessage.Status status : List.of(OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING)) {
            Gauge.builder("aguavoz.outbox.messages", this, backlog -> backlog.count(status))
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Outbound SMS waiting to be sent, by state").register(metrics);
        }
        Gauge.builder("aguavoz.outbox.oldest.waiting", this,
                backlog -> backlog.inTransaction(() -> backlog.oldestWaiting().map(Duration::toSeconds).orElse(0L)))
                .baseUnit("seconds").description("Age of the oldest SMS still waiting to be sent").register(metrics);
        Gauge.builder("aguavoz.outbox.failed.recent", this, backlog -> backlog.inTransaction(backlog::failedLastDay))
                .description("SMS that failed or were not delivered in the last 24 hours").register(metrics);
    }

    /** The figures at this moment; call inside a transaction. */
    public Summary summary(int failedTicketsShown) {
        Instant since = clock.instant().minus(RECENT);
        long waiting = em.createQuery("select count(m) from OutboundMessage m where m.status in :waiting", Long.class)
                .setParameter("waiting", List.of(OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING))
                .getSingleResult();
        long failed = failedLastDay();
        List<Long> tickets = em.createQuery("select m.ticketId from OutboundMessage m where m.ticketId is not null"
                + " and m.status in :failed and m.updatedAt >= :since"
                + " group by m.ticketId order by max(m.updatedAt) desc", Long.class)
                .setParameter("failed", List.of(OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED))
                .setParameter("since", since).setMaxResults(failedTicketsShown).getResultList();
        return new Summary(waiting, oldestWaiting(), failed, tickets);
    }

    private long failedLastDay() {
        return em.createQuery("select count(m) from OutboundMessage m where m.status in :failed"
                + " and m.updatedAt >= :since", Long.class)
                .setParameter("failed", List.of(OutboundMessage.Status.FAILED, OutboundMessage.Status.UNDELIVERED))
                .setParameter("since", clock.instant().minus(RECENT)).getSingleResult();
    }

    private Optional<Duration> oldestWaiting() {
        Instant oldest = em.createQuery("select min(m.createdAt) from OutboundMessage m where m.status in :waiting",
                Instant.class)
                .setParameter("waiting", List.of(OutboundMessage.Status.PENDING, OutboundMessage.Status.SENDING))
                .getSingleResult();
        return Optional.ofNullable(oldest).map(since -> Duration.between(since, clock.instant()));
    }

    private double count(OutboundMessage.Status status) {
        return inTransaction(() -> em.createQuery("select count(m) from OutboundMessage m where m.status = :status",
                Long.class).setParameter("status", status).getSingleResult());
    }

    /** A scrape comes from the management thread, outside any transaction. */
    private double inTransaction(java.util.function.Supplier<Long> query) {
        return QuarkusTransaction.joiningExisting().call(query::get);
    }
}
