package org.aguavoz.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule table of {@link Visibility}, without the application: one row per role and kind of ticket. */
class VisibilityTest {

    private static final String PHONE = "+529615550123";

    @ParameterizedTest(name = "{0} on {1}: number {2}, words {3}, recording {4}, simulator {5}")
    @CsvSource(delimiter = '|', nullValues = "nobody", textBlock = """
            admin  | ordinary  | yes | yes | yes | yes
            admin  | integrity | yes | yes | yes | yes
            admin  | anonymous | yes | yes | yes | yes
            staff  | ordinary  | yes | yes | yes | yes
            staff  | integrity | -   | yes | -   | -
            staff  | anonymous | -   | yes | -   | -
            viewer | ordinary  | -   | yes | -   | -
            viewer | integrity | -   | -   | -   | -
            viewer | anonymous | -   | -   | -   | -
            nobody | ordinary  | -   | -   | -   | -
            nobody | integrity | -   | -   | -   | -
            nobody | anonymous | -   | -   | -   | -
            """)
    void decidesByRoleAndTicket(String role, String kind, String number, String words, String recording, String simulator) {
        Visibility visibility = Visibility.forRole(role);
        Ticket ticket = ticket(kind);

        assertEquals(yes(number) ? Optional.of(PHONE) : Optional.empty(), visibility.reporterPhone(ticket));
        assertEquals(yes(words) ? Optional.of("las palabras") : Optional.empty(), visibility.description(ticket));
        assertEquals(yes(words), visibility.seesReporterWords(ticket));
        assertEquals(yes(recording), visibility.hearsRecording(ticket));
        assertEquals(yes(simulator), visibility.mayPlay(Visibility.isProtected(ticket)));
    }

    @ParameterizedTest(name = "{0}: member {1}")
    @CsvSource(delimiter = '|', nullValues = "nobody", textBlock = """
            admin  | +529615550123
            staff  | +529615550123
            viewer | +52*******123
            nobody | +52*******123
            banned | +52*******123
            """)
    void committeeMembersNumbersAreMaskedForViewers(String role, String shown) {
        assertEquals(shown, Visibility.forRole(role).memberPhone(PHONE));
    }

    @ParameterizedTest(name = "{0}: {1} note by {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            viewer | anonymous | REPORTER | (hidden)
            viewer | anonymous | STAFF    | the note
            viewer | ordinary  | REPORTER | the note
            staff  | anonymous | REPORTER | the note
            """)
    void aReportersOwnAnswerIsTheirWords(String role, String kind, TicketEvent.ActorType actor, String shown) {
        TicketEvent event = new TicketEvent();
        event.actorType = actor;
        event.note = "the note";
        assertEquals(shown, Visibility.forRole(role).note(ticket(kind), event, "es").orElse("(hidden)"));
    }

    @ParameterizedTest(name = "{0} uses the simulator: {1}")
    @CsvSource(delimiter = '|', nullValues = "nobody", textBlock = """
            admin  | true
            staff  | true
            viewer | false
            nobody | false
            """)
    void onlyStaffAndAdminsUseTheSimulator(String role, boolean uses) {
        assertEquals(uses, Visibility.forRole(role).usesSimulator());
    }

    private static Ticket ticket(String kind) {
        Ticket ticket = new Ticket();
        ticket.reporterPhone = PHONE;
        ticket.description = "las palabras";
        ticket.category = kind.equals("ordinary") ? Category.OUTAGE : Category.INTEGRITY;
        ticket.anonymous = kind.equals("anonymous");
        return ticket;
    }

    private static boolean yes(String cell) {
        return "yes".equals(cell);
    }
}
