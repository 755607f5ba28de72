package org.aguavoz.tickets;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A ticket as the API shows it; {@code events} only on the single-ticket view. {@code late}: escalated, or past the
 * deadline it is working towards (acknowledge while open, resolve after that); {@code lateSince}: when it was
 * escalated. {@code reporterPhone} and {@code description} are left out when {@link Visibility} hides them.
 * {@code incident}: the reference of the incident the report belongs to (its first report's, the one the committee
 * is told), null when the report stands alone; {@code reports}: how many reports that incident has, 1 when alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TicketView(String reference, TicketStatus status, Category category, String community,
        String communityName, Channel channel, String reporterPhone, boolean anonymous, String language,
        String description, Instant createdAt, Instant updatedAt, Instant acknowledgeDueAt, Instant resolveDueAt,
        Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, boolean late, Instant lateSince,
        @JsonInclude(JsonInclude.Include.ALWAYS) String incident, long reports, List<EventView> events) {

    /** {@code note}: a person's words, or AguaVoz's own sentence in Spanish; {@code systemNote} names the latter. */
    public record EventView(Instant at, TicketEvent.Type type, TicketEvent.ActorType actor, String actorName,
            Channel channel, TicketStatus fromStatus, TicketStatus toStatus, String note, SystemNote systemNote) {

        static EventView of(Ticket ticket, TicketEvent event, Visibility visibility) {
            return new EventView(event.occurredAt, event.type, event.actorType, event.actorName, event.channel,
                    event.fromStatus, event.toStatus, visibility.note(ticket, event, "es").orElse(null), event.systemNote);
        }
    }

    /** As {@link #of(Ticket, long, Visibility, boolean, Instant)}, counting the incident's reports. */
    static TicketView of(Ticket ticket, Visibility visibility, boolean withEvents, Instant now) {
        return of(ticket, ticket.incident == null ? 1 : ticket.incident.reportCount(), visibility, withEvents, now);
    }

    /** The reporter's number and words only as far as {@code visibility} allows; {@code reports}: see above. */
    static TicketView of(Ticket ticket, long reports, Visibility visibility, boolean withEvents, Instant now) {
        return new TicketView(ticket.reference, ticket.status, ticket.category, ticket.community.code,
                ticket.community.name, ticket.channel, visibility.reporterPhone(ticket).orElse(null), ticket.anonymous,
                ticket.language, visibility.description(ticket).orElse(null), ticket.createdAt, ticket.updatedAt,
                ticket.acknowledgeDueAt, ticket.resolveDueAt, ticket.acknowledgedAt, ticket.resolvedAt, ticket.closedAt,
                ticket.isLate(now), ticket.isUnfinished() ? ticket.lateSince : null,
                ticket.incident == null ? null : ticket.incident.reference, reports,
                withEvents ? ticket.events.stream().map(e -> EventView.of(ticket, e, visibility)).toList() : null);
    }
}
