package org.aguavoz.tickets;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.TypedQuery;

/**
 * What counts as late, written once: an unfinished ticket that was escalated, or is past the deadline it is working
 * towards (acknowledge while open, resolve after that), even before the deadline job has come round. The entity
 * ({@link Ticket#isLate}), the API's {@code late} filter, the dashboard's red rows and its ordering all use this.
 */
public final class Lateness {

    private static final String LATE_OF = """
            (%1$s.status in (:unfinished) and (%1$s.lateSince is not null or %1$s.resolveDueAt <= :now
                or (%1$s.status = :open and %1$s.acknowledgeDueAt <= :now)))""";

    /** JPQL on a ticket aliased {@code t}; bind its parameters with {@link #bind}. */
    public static final String LATE = late("t");

    /** JPQL: the deadline an unfinished ticket aliased {@code t} is working towards (most urgent first). */
    public static final String WORKING_DEADLINE = "case when t.status = :open then t.acknowledgeDueAt else t.resolveDueAt end";

    private Lateness() {
    }

    /** {@link #LATE} on a ticket aliased {@code alias}, for a query that compares a ticket with others. */
    public static String late(String alias) {
        return LATE_OF.formatted(alias);
    }

    public static <T> TypedQuery<T> bind(TypedQuery<T> query, Instant now) {
        return query.setParameter("unfinished", List.copyOf(TicketStatus.UNFINISHED)).setParameter("now", now)
                .setParameter("open", TicketStatus.OPEN);
    }

    static boolean isLate(Ticket ticket, Instant now) {
        return ticket.status.isUnfinished() && (ticket.lateSince != null || !ticket.resolveDueAt.isAfter(now)
                || (ticket.status == TicketStatus.OPEN && !ticket.acknowledgeDueAt.isAfter(now)));
    }

    /** The deadline the ticket is working towards; null when it is finished. */
    static Instant workingDeadline(Ticket ticket) {
        if (!ticket.status.isUnfinished()) {
            return null;
        }
        return ticket.status == TicketStatus.OPEN ? ticket.acknowledgeDueAt : ticket.resolveDueAt;
    }
}
