package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Closes resolved tickets whose reporter never answered SI or NO. Instances share the work through
 * {@code FOR UPDATE SKIP LOCKED}: a ticket being closed by one is skipped by the others.
 */
@ApplicationScoped
public class CloseUnconfirmedTickets {

    private final EntityManager em;
    private final TicketsConfig config;
    private final Clock clock;
    private final ChangeTicket changeTicket;

    CloseUnconfirmedTickets(EntityManager em, TicketsConfig config, Clock clock, ChangeTicket changeTicket) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.changeTicket = changeTicket;
    }

    @Scheduled(every = "${aguavoz.tickets.close-unconfirmed-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        close();
    }

    /** Returns how many tickets it closed. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int close() {
        Instant now = clock.instant();
        List<Number> ids = em.createNativeQuery("""
                        select id from ticket where status = 'RESOLVED' and resolved_at < ?1
                        order by resolved_at limit 500 for update skip locked""")
                .setParameter(1, now.minus(config.confirmationWait()))
                .getResultList();
        for (Number id : ids) {
            changeTicket.apply(em.find(Ticket.class, id.longValue()), TicketAction.closeUnconfirmed(), Actor.system());
        }
        return ids.size();
    }
}
