package org.aguavoz.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The status machine of DOMAIN.md: open → acknowledged → in progress → resolved → closed, with reopen. */
class TicketLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-20T14:00:00Z");
    private static final Actor MEMBER = Actor.committeeMember("Ana", "es");

    @Test
    void walksTheWholeLifeAndWritesAnEventForEachStep() {
        Ticket ticket = newTicket();
        ticket.acknowledge(MEMBER, T0.plusSeconds(60));
        ticket.addNote(MEMBER, T0.plusSeconds(120), "mañana llega el fontanero");
        ticket.resolve(MEMBER, T0.plusSeconds(180), "se cambió la válvula");
        ticket.close(Actor.staff("admin", Channel.DASHBOARD), T0.plusSeconds(240), null, null);

        assertEquals(TicketStatus.CLOSED, ticket.status);
        assertEquals(List.of(TicketEvent.Type.ACKNOWLEDGED, TicketEvent.Type.NOTE, TicketEvent.Type.RESOLVED,
                TicketEvent.Type.CLOSED), ticket.events.stream().map(e -> e.type).toList());
        assertEquals(List.of(TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED,
                TicketStatus.CLOSED), ticket.events.stream().map(e -> e.toStatus).toList());
    }

    @Test
    void aNoteOnAnOpenTicketCountsAsAcknowledged() {
        Ticket ticket = newTicket();
        ticket.addNote(MEMBER, T0.plusSeconds(60), "vamos para allá");
        assertEquals(TicketStatus.IN_PROGRESS, ticket.status);
        assertEquals(T0.plusSeconds(60), ticket.acknowledgedAt);
    }

    @Test
    void reopeningGivesFreshDeadlines() {
        Ticket ticket = newTicket();
        ticket.resolve(MEMBER, T0.plusSeconds(60), null);
        Instant later = T0.plus(Duration.ofDays(5));
        ticket.reopen(Actor.reporter(Channel.SMS), later, "sigue sin agua", null, deadlines());

        assertEquals(TicketStatus.OPEN, ticket.status);
        assertEquals(later.plus(Duration.ofHours(12)), ticket.acknowledgeDueAt);
        assertEquals(later.plus(Duration.ofHours(72)), ticket.resolveDueAt);
        assertEquals(null, ticket.resolvedAt);
    }

    @Test
    void refusesStepsTheStatusDoesNotAllow() {
        Ticket ticket = newTicket();
        assertThrows(TicketTransitionRefused.class, () -> ticket.reopen(MEMBER, T0, null, null, deadlines()));
        ticket.acknowledge(MEMBER, T0);
        assertThrows(TicketTransitionRefused.class, () -> ticket.acknowledge(MEMBER, T0));
        ticket.close(MEMBER, T0, null, null);
        assertThrows(TicketTransitionRefused.class, () -> ticket.resolve(MEMBER, T0, null));
        assertThrows(TicketTransitionRefused.class, () -> ticket.addNote(MEMBER, T0, "x"));
        assertThrows(TicketTransitionRefused.class, () -> ticket.close(MEMBER, T0, null, null));
    }

    private static Ticket newTicket() {
        Ticket ticket = new Ticket();
        ticket.reference = "4821";
        ticket.category = Category.OUTAGE;
        ticket.setDueTimes(T0, deadlines());
        return ticket;
    }

    private static CategoryDeadlines deadlines() {
        CategoryDeadlines outage = new CategoryDeadlines();
        outage.code = Category.OUTAGE;
        outage.acknowledgeWithin = Duration.ofHours(12);
        outage.resolveWithin = Duration.ofHours(72);
        return outage;
    }
}
