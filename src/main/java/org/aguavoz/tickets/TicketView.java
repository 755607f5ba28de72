package org.aguavoz.tickets;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket as the API shows it; {@code events} only on the single-ticket view. {@code late}: escalated, or past the
 * deadline it is working towards (acknowledge while open, resolve after that); {@code lateSince}: when it was
 * escalated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String reference, TicketStatus status, Category category, String community,
        String communityName, Channel channel, String reporterPhone, boolean anonymous, String language,
        String description, Instant createdAt, Instant updatedAt, Instant acknowledgeDueAt, Instant resolveDueAt,
        Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, boolean late, Instant lateSince,
        List<EventView> events) {

    /** {@code note}: a person's words, or AguaVoz's own sentence in Spanish; {@code systemNote} names the latter. */
    public record EventView(Instant at, TicketEvent.Type type, TicketEvent.ActorType actor, String actorName,
            Channel channel, TicketStatus fromStatus, TicketStatus toStatus, String note, SystemNote systemNote) {

        static EventView of(TicketEvent event) {
            return new EventView(event.occurredAt, event.type, event.actorType, event.actorName, event.channel,
                    event.fromStatus, event.toStatus, event.noteIn("es"), event.systemNote);
        }
    }

    /** Who may see the reporter's number. */
    public enum PhoneVisibility {
        /** Administrators: every number, integrity reporters included. */
        ALL,
        /** Staff: numbers of ordinary reports, masked for integrity complaints and anonymous reports. */
        EXCEPT_PROTECTED,
        /** Viewers: none. */
        NONE
    }

    static TicketView of(Ticket ticket, PhoneVisibility visibility, boolean withEvents, Instant now) {
        return new TicketView(ticket.reference, ticket.status, ticket.category, ticket.community.code,
                ticket.community.name, ticket.channel, reporterPhone(ticket, visibility), ticket.anonymous,
                ticket.language, ticket.description, ticket.createdAt, ticket.updatedAt, ticket.acknowledgeDueAt,
                ticket.resolveDueAt, ticket.acknowledgedAt, ticket.resolvedAt, ticket.closedAt,
                ticket.isLate(now), ticket.isUnfinished() ? ticket.lateSince : null,
                withEvents ? ticket.events.stream().map(EventView::of).toList() : null);
    }

    private static String reporterPhone(Ticket ticket, PhoneVisibility visibility) {
        if (ticket.reporterPhone == null) {
            return null;
        }
        return switch (visibility) {
            case ALL -> ticket.reporterPhone;
            case EXCEPT_PROTECTED -> protectedReporter(ticket) ? null : ticket.reporterPhone;
            case NONE -> null;
        };
    }

    /** Integrity complaints and anonymous reports: only administrators may learn who made them (number, voice). */
    public static boolean protectedReporter(Ticket ticket) {
        return ticket.anonymous || ticket.category == Category.INTEGRITY;
    }
}
