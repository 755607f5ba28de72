package org.aguavoz.tickets;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The moments at which an unfinished ticket gets louder. Each happens at most once per ticket and deadline;
 * a reopened ticket has new deadlines, so its steps can happen again.
 */
public enum DeadlineStep {

    /** Nobody acknowledged in time: remind whoever must act, and escalate to the agency. */
    ACKNOWLEDGE(true, EnumSet.of(TicketStatus.OPEN)),

    /** Half the time to resolve has passed and nobody reported progress (a note): remind whoever must act. */
    RESOLVE_HALFWAY(false, EnumSet.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED)),

    /** Not resolved in time: remind whoever must act, and escalate to the agency. */
    RESOLVE(true, EnumSet.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));

    private final boolean escalates;
    private final Set<TicketStatus> appliesWhile;

    DeadlineStep(boolean escalates, Set<TicketStatus> appliesWhile) {
        this.escalates = escalates;
        this.appliesWhile = appliesWhile;
    }

    public boolean escalates() {
        return escalates;
    }

    public Instant dueAt(Ticket ticket) {
        return switch (this) {
            case ACKNOWLEDGE -> ticket.acknowledgeDueAt;
            case RESOLVE_HALFWAY -> ticket.resolveReminderAt;
            case RESOLVE -> ticket.resolveDueAt;
        };
    }

    /** The earliest step still ahead of {@code now} that applies to the ticket; null when none will come. */
    public static Instant nextAfter(Ticket ticket, Instant now) {
        Instant next = null;
        for (DeadlineStep step : values()) {
            Instant due = step.dueAt(ticket);
            if (step.appliesTo(ticket) && due.isAfter(now) && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return next;
    }

    /** Statuses only move forward until a reopen (which sets new deadlines), so a step that no longer applies never will. */
    public boolean appliesTo(Ticket ticket) {
        return appliesWhile.contains(ticket.status);
    }
}
