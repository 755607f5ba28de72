package org.aguavoz.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;

/** The dashboard's words for domain values: one translation of each, wherever it is shown. */
public final class Labels {

    private Labels() {
    }

    static String status(TicketStatus status, UiTexts ui) {
        return switch (status) {
            case OPEN -> ui.statusOpen();
            case ACKNOWLEDGED -> ui.statusAcknowledged();
            case IN_PROGRESS -> ui.statusInProgress();
            case RESOLVED -> ui.statusResolved();
            case CLOSED -> ui.statusClosed();
        };
    }

    public static String category(Category category, UiTexts ui) {
        return switch (category) {
            case OUTAGE -> ui.categoryOutage();
            case QUALITY -> ui.categoryQuality();
            case LEAK -> ui.categoryLeak();
            case BILLING -> ui.categoryBilling();
            case INTEGRITY -> ui.categoryIntegrity();
            case OTHER -> ui.categoryOther();
        };
    }

    /** How late an unfinished ticket is, or how long it has left; empty once it is resolved or closed. */
    static String due(Ticket ticket, Instant now, UiTexts ui) {
        if (!ticket.isUnfinished()) {
            return "";
        }
        Duration left = Duration.between(now, ticket.workingDeadline());
        if (left.isNegative()) {
            Duration late = left.negated();
            return late.toHours() >= 1 ? ui.hoursLate(late.toHours()) : ui.minutesLate(late.toMinutes());
        }
        return left.toHours() >= 1 ? ui.dueInHours(left.toHours()) : ui.dueInMinutes(left.toMinutes());
    }
}
