package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Opens a ticket: claims a reference, computes its deadlines from its category and writes the {@code opened}
 * event. Deadlines are stored on the ticket when it opens, so an agency that changes a category's deadline
 * changes it for new tickets only.
 */
@ApplicationScoped
public class OpenTicket {

    private final Tickets tickets;
    private final TicketReferences references;
    private final Clock clock;

    OpenTicket(Tickets tickets, TicketReferences references, Clock clock) {
        this.tickets = tickets;
        this.references = references;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket open(NewTicket request) {
        return openAt(request, clock.instant());
    }

    /** For imports and the demo data, whose reports happened in the past. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket openAt(NewTicket request, Instant at) {
        CategoryDeadlines deadlines = CategoryDeadlines.findById(request.category());
        Ticket ticket = new Ticket();
        ticket.reference = references.claim();
        ticket.community = request.community();
        ticket.category = request.category();
        ticket.channel = request.channel();
        ticket.reporterPhone = request.reporter() == null ? null : request.reporter().e164();
        ticket.anonymous = request.anonymous();
        ticket.language = request.language();
        ticket.description = request.description();
        ticket.createdAt = at;
        ticket.setDueTimes(at, deadlines);
        ticket.record(TicketEvent.Type.OPENED, Actor.reporter(request.channel()), at, null);
        tickets.persist(ticket);
        return ticket;
    }
}
