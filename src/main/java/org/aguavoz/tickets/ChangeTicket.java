package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /**
     * What is done to one unfinished report of an incident is done to all of them: the committee acts on the
     * problem, and every reporter hears of it. The others concern one report (its reporter's SI or NO, staff
     * reopening or moving one report).
     */
    private static final Set<TicketAction.Kind> WHOLE_INCIDENT = EnumSet.of(TicketAction.Kind.ACKNOWLEDGE,
            TicketAction.Kind.NOTE, TicketAction.Kind.RESOLVE, TicketAction.Kind.CLOSE, TicketAction.Kind.REASSIGN,
            TicketAction.Kind.REMIND, TicketAction.Kind.ESCALATE);

    private final Event<TicketChanged> changed;
    private final Clock clock;
    private final Incidents incidents;

    ChangeTicket(Event<TicketChanged> changed, Clock clock, Incidents incidents) {
        this.changed = changed;
        this.clock = clock;
        this.incidents = incidents;
    }

    /**
     * Applies the action now; returns the SMS answer for an actor who waits for one (see TicketChanged). A refused
     * action changes nothing and leaves the caller's transaction usable (a member's refused OK is still answered).
     */
    @Transactional(dontRollbackOn = TicketTransitionRefused.class)
    public Optional<String> apply(Ticket ticket, TicketAction action, Actor actor) {
        TicketStatus previousStatus = ticket.status;
        Community previousCommunity = ticket.community;
        Incident incidentBefore = ticket.incident;
        Instant now = clock.instant();
        List<Ticket> reports = concerned(ticket, action);
        boolean rejoined = false;
        for (Ticket report : reports) {
            rejoined = change(report, action, actor, now);
        }
        if (incidentBefore != null && Incident.findById(incidentBefore.id) != null) {
            incidentBefore.keepDeadlinesOnLead(now);
        }
        if (ticket.incident != null && ticket.incident != incidentBefore) {
            ticket.incident.keepDeadlinesOnLead(now);
        }
        TicketChanged event = new TicketChanged(ticket, reports, action, actor, previousStatus, previousCommunity,
                rejoined);
        changed.fire(event);
        return Optional.ofNullable(event.answer());
    }

    /**
     * Writes a change that happened in the past (the demo data, an import) into the timeline, telling nobody: the
     * people concerned lived it already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPast(Ticket ticket, TicketAction action, Actor actor, Instant at) {
        for (Ticket report : concerned(ticket, action)) {
            change(report, action, actor, at);
        }
        if (ticket.incident != null) {
            ticket.incident.keepDeadlinesOnLead(at);
        }
    }

    /** The reports the action applies to: every unfinished report of the incident, or this one. */
    private static List<Ticket> concerned(Ticket ticket, TicketAction action) {
        if (ticket.incident != null && ticket.isUnfinished() && WHOLE_INCIDENT.contains(action.kind())) {
            return ticket.incident.unfinishedReports();
        }
        return List.of(ticket);
    }

    /**
     * Changes one report. Returns true when a reopened report went back into its incident's shared state (the
     * incident was still being worked on) rather than reopening the incident.
     */
    private boolean change(Ticket ticket, TicketAction action, Actor actor, Instant now) {
        switch (action.kind()) {
            case ACKNOWLEDGE -> ticket.acknowledge(actor, now);
            case NOTE -> ticket.addNote(actor, now, action.note());
            case RESOLVE -> ticket.resolve(actor, now, action.note());
            case CLOSE -> ticket.close(actor, now, action.note(), null);
            case REOPEN -> {
                ticket.reopen(actor, now, action.note(), null, CategoryDeadlines.findById(ticket.category));
                return rejoin(ticket, now);
            }
            case REASSIGN -> {
                ticket.reassign(actor, now, action.community(), action.note());
                if (ticket.incident != null) {
                    ticket.incident.community = action.community();
                }
            }
            case MERGE -> merge(ticket, action.into(), actor, now);
            case SPLIT -> ticket.split(actor, now, CategoryDeadlines.findById(ticket.category));
            case CONFIRM -> {
                requireReporterQuestion(ticket, "confirm");
                ticket.close(actor, now, action.note(), action.note() == null ? SystemNote.REPORTER_CONFIRMED : null);
            }
            case REFUSE -> {
                requireReporterQuestion(ticket, "refuse");
                ticket.reopen(actor, now, action.note(), action.note() == null ? SystemNote.REPORTER_REFUSED : null,
                        CategoryDeadlines.findById(ticket.category));
                if (rejoin(ticket, now)) {
                    return true;
                }
                // The water is not back for this reporter: the incident (or the lone report) is the agency's concern.
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
        return false;
    }

    /**
     * A reopened report of an incident that is still being worked on takes the state of its other unfinished
     * reports: one problem, one set of deadlines. True when it did; false when it reopens the incident on its own.
     */
    private static boolean rejoin(Ticket ticket, Instant now) {
        Incident incident = ticket.incident;
        if (incident == null) {
            return false;
        }
        Optional<Ticket> lead = incident.unfinishedReports().stream().filter(t -> t != ticket).findFirst();
        if (lead.isEmpty()) {
            return false;
        }
        ticket.join(incident, lead.get(), Actor.system(), now, TicketEvent.Type.JOINED, "→ " + incident.reference);
        incident.joinedSinceTold++;
        return true;
    }

    /**
     * Staff say {@code ticket} (with the rest of its incident) is the same problem as {@code into}: its reports join
     * {@code into}'s incident (one is opened for {@code into} if it stood alone). Nobody's reference changes, and no
     * report is closed: every reporter still hears when it is fixed.
     */
    private void merge(Ticket ticket, Ticket into, Actor actor, Instant now) {
        if (into == ticket || (ticket.incident != null && ticket.incident == into.incident)
                || !ticket.community.id.equals(into.community.id)
                || ticket.category == Category.INTEGRITY || into.category == Category.INTEGRITY) {
            throw new TicketTransitionRefused(ticket.reference, "merge into " + into.reference, into.status);
        }
        Optional<Ticket> lead = into.incident != null ? into.incident.lead()
                : into.isUnfinished() ? Optional.of(into) : Optional.empty();
        if (lead.isEmpty()) {
            throw new TicketTransitionRefused(ticket.reference, "merge into " + into.reference, into.status);
        }
        Incident target = into.incident != null ? into.incident : incidents.open(into, now);
        Incident emptied = ticket.incident;
        List<Ticket> moving = emptied != null ? emptied.reports() : List.of(ticket);
        for (Ticket report : moving) {
            report.join(target, lead.get(), actor, now, TicketEvent.Type.MERGED, "→ " + target.reference);
            into.record(TicketEvent.Type.MERGED, actor, now, "← " + report.reference, null);
        }
        if (emptied != null) {
            emptied.delete();
        }
        target.keepDeadlinesOnLead(now);
    }

    /** Only a resolved ticket waits for the reporter's SI or NO. */
    private static void requireReporterQuestion(Ticket ticket, String action) {
        if (ticket.status != TicketStatus.RESOLVED) {
            throw new TicketTransitionRefused(ticket.reference, action, ticket.status);
        }
    }
}
