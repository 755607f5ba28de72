package org.aguavoz.tickets;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Tickets as Prometheus sees them, for the agency's alerts: how many are unfinished, and how many of those are late
 * by the same rule as the dashboard's red rows and the API's {@code late=} ({@link Lateness}). Counted at each scrape.
 */
@Startup
@ApplicationScoped
class TicketGauges {

    TicketGauges(EntityManager em, Clock clock, MeterRegistry metrics) {
        Gauge.builder("aguavoz.tickets.late", em, db -> QuarkusTransaction.joiningExisting().call(() -> Lateness.bind(
                db.createQuery("select count(t) from Ticket t where " + Lateness.LATE, Long.class), clock.instant())
                .getSingleResult()))
                .description("Unfinished tickets past a deadline").register(metrics);
        Gauge.builder("aguavoz.tickets.unfinished", em, db -> QuarkusTransaction.joiningExisting().call(() ->
                db.createQuery("select count(t) from Ticket t where t.status in :unfinished", Long.class)
                        .setParameter("unfinished", java.util.List.copyOf(TicketStatus.UNFINISHED)).getSingleResult()))
                .description("Tickets not yet resolved or closed").register(metrics);
    }
}
