package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.aguavoz.communities.Community;

/**
 * The one way a ticket changes after it opened: committee commands, the reporter's SI/NO, the dashboard, the API,
 * the deadline job and the closing job all come here. It checks the status machine (refusing with
 * {@link TicketTransitionRefused}), writes the timeline, and fires {@link TicketChanged} in the same transaction, so
 * that whoever must be told is told by one observer, whichever path the change came from.
 */
@ApplicationScoped
public class ChangeTicket {

    private final Event<TicketChanged> changed;
    private final Clock clock;

    ChangeTicket(Event<TicketChanged> changed, Clock clock) {
        this.changed = changed;
        this.clock = clock;
    }

    /**
     * Applies the action now; returns the SMS answer for an actor who waits for one (see TicketChanged). A refused
     * action changes nothing and leaves the caller's transaction usable (a member's refused OK is still answered).
     */
    @Transactional(dontRollbackOn = TicketTransitionRefused.class)
    public Optional<String> apply(Ticket ticket, TicketAction action, Actor actor) {
        TicketStatus previousStatus = ticket.status;
        Community previousCommunity = ticket.community;
        change(ticket, action, actor, clock.instant());
        TicketChanged event = new TicketChanged(ticket, action, actor, previousStatus, previousCommunity);
        changed.fire(event);
        return Optional.ofNullable(event.answer());
    }

    /**
     * Writes a change that happened in the past (the demo data, an import) into the timeline, telling nobody: the
     * people concerned lived it already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPast(Ticket ticket, TicketAction action, Actor actor, Instant at) {
        change(ticket, action, actor, at);
    }

    private static void change(Ticket ticket, TicketAction action, Actor actor, Instant now) {
        switch (action.kind()) {
            case ACKNOWLEDGE -> ticket.acknowledge(actor, now);
            case NOTE -> ticket.addNote(actor, now, action.note());
            case RESOLVE -> ticket.resolve(actor, now, action.note());
            case CLOSE -> ticket.close(actor, now, action.note(), null);
            case REOPEN -> ticket.reopen(actor, now, action.note(), null, CategoryDeadlines.findById(ticket.category));
            case REASSIGN -> ticket.reassign(actor, now, action.community(), action.note());
            case MERGE -> ticket.mergeInto(action.into(), actor, now);
            case CONFIRM -> {
                requireReporterQuestion(ticket, "confirm");
                ticket.close(actor, now, action.note(), action.note() == null ? SystemNote.REPORTER_CONFIRMED : null);
            }
            case REFUSE -> {
                requireReporterQuestion(ticket, "refuse");
                ticket.reopen(actor, now, action.note(), action.note() == null ? SystemNote.REPORTER_REFUSED : null,
                        CategoryDeadlines.findById(ticket.category));
                ticket.escalate(Actor.system(), now, SystemNote.ESCALATED_BY_REPORTER);
            }
            case CLOSE_UNCONFIRMED -> {
                requireReporterQuestion(ticket, "close unconfirmed");
                ticket.close(actor, now, null, SystemNote.CLOSED_UNCONFIRMED);
            }
            case REMIND -> ticket.remind(now, SystemNote.reminded(action.step()));
            case ESCALATE -> {
                ticket.remind(now, SystemNote.reminded(action.step()));
                ticket.escalate(Actor.system(), now, SystemNote.escalated(action.step()));
            }
        }
    }

    /** Only a resolved ticket waits for the reporter's SI or NO. */
    private static void requireReporterQuestion(Ticket ticket, String action) {
        if (ticket.status != TicketStatus.RESOLVED) {
            throw new TicketTransitionRefused(ticket.reference, action, ticket.status);
        }
    }
}
