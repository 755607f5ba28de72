package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Opens a ticket: claims a reference, computes its deadlines from its category and writes the {@code opened}
 * event. Deadlines are stored on the ticket when it opens, so an agency that changes a category's deadline
 * changes it for new tickets only. The report joins its incident here (see {@link Incidents#place}). Fires {@link TicketOpened} in the transaction: the notices tell whoever the
 * routing names, whichever channel the report came by.
 */
@ApplicationScoped
public class OpenTicket {

    private final Tickets tickets;
    private final TicketReferences references;
    private final Clock clock;
    private final Event<TicketOpened> opened;
    private final Incidents incidents;

    OpenTicket(Tickets tickets, TicketReferences references, Clock clock, Event<TicketOpened> opened,
            Incidents incidents) {
        this.tickets = tickets;
        this.incidents = incidents;
        this.references = references;
        this.clock = clock;
        this.opened = opened;
    }

    /** The ticket and the confirmation for a reporter who waits for an SMS answer (null when there is none). */
    public record Opened(Ticket ticket, String answer) {
    }

    /** @param actor the reporter (possibly played in the simulator) */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opened open(NewTicket request, Actor actor) {
        Ticket ticket = create(request, actor, clock.instant());
        TicketOpened event = new TicketOpened(ticket, actor);
        opened.fire(event);
        return new Opened(ticket, event.answer());
    }

    /** For imports and the demo data, whose reports happened in the past: nobody is told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ticket openAt(NewTicket request, Instant at) {
        return create(request, Actor.reporter(request.channel()), at);
    }

    private Ticket create(NewTicket request, Actor actor, Instant at) {
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
        ticket.record(TicketEvent.Type.OPENED, actor, at, null, null);
        tickets.persist(ticket);
        incidents.place(ticket, deadlines, actor, at);
        return ticket;
    }
}
