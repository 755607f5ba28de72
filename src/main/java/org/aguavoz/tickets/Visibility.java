package org.aguavoz.tickets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.staff.Roles;

/**
 * Who may see a reporter's number, a reporter's words, a caller's recording or a committee member's number, and
 * which phones the simulator may play: the one rule every page, the API and the simulator ask. Integrity complaints
 * and anonymous reports are <em>protected</em>: only administrators may learn who made them.
 *
 * <pre>
 *                         admin   staff              viewer             not logged in
 * reporter's number       all     not protected      none               none
 * reporter's words        all     all                not protected      none
 * recording               all     not protected      none               none
 * committee member's no.  full    full               last three digits  last three digits
 * simulator phone         any     no protected rep.  none               none
 * </pre>
 */
public final class Visibility {

    /** The strongest role of the caller; one row of the table above per value. */
    private enum Audience { ADMIN, STAFF, VIEWER, NOBODY }

    private final Audience audience;

    private Visibility(Audience audience) {
        this.audience = audience;
    }

    public static Visibility of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return new Visibility(Audience.NOBODY);
        }
        for (String role : List.of(Roles.ADMIN, Roles.STAFF, Roles.VIEWER)) {
            if (identity.hasRole(role)) {
                return forRole(role);
            }
        }
        return new Visibility(Audience.NOBODY);
    }

    /** {@link Roles#ADMIN}, {@link Roles#STAFF} or {@link Roles#VIEWER}; anything else sees what a stranger sees. */
    public static Visibility forRole(String role) {
        if (role == null) {
            return new Visibility(Audience.NOBODY);
        }
        return new Visibility(switch (role) {
            case Roles.ADMIN -> Audience.ADMIN;
            case Roles.STAFF -> Audience.STAFF;
            case Roles.VIEWER -> Audience.VIEWER;
            default -> Audience.NOBODY;
        });
    }

    /** Integrity complaints and anonymous reports. */
    public static boolean isProtected(Ticket ticket) {
        return ticket.anonymous || ticket.category == Category.INTEGRITY;
    }

    public boolean seesReporterPhone(Ticket ticket) {
        return switch (audience) {
            case ADMIN -> true;
            case STAFF -> !isProtected(ticket);
            case VIEWER, NOBODY -> false;
        };
    }

    /** The reporter's number when this caller may see it; empty when hidden or when the ticket has none. */
    public Optional<String> reporterPhone(Ticket ticket) {
        return seesReporterPhone(ticket) ? Optional.ofNullable(ticket.reporterPhone) : Optional.empty();
    }

    /**
     * The reporter's words: the description, the reporter's SMS on the timeline, the SMS that quote them and the
     * notes of the reporter's own answers (SI/NO and what came with them).
     */
    public boolean seesReporterWords(Ticket ticket) {
        return switch (audience) {
            case ADMIN, STAFF -> true;
            case VIEWER -> !isProtected(ticket);
            case NOBODY -> false;
        };
    }

    /** The description when this caller may read it. */
    public Optional<String> description(Ticket ticket) {
        return seesReporterWords(ticket) ? Optional.ofNullable(ticket.description) : Optional.empty();
    }

    /** The note of a timeline event, hidden when it holds the reporter's words and the caller may not read them. */
    public Optional<String> note(Ticket ticket, TicketEvent event, String language) {
        boolean reporters = event.actorType == TicketEvent.ActorType.REPORTER && event.note != null;
        return reporters && !seesReporterWords(ticket) ? Optional.empty() : Optional.ofNullable(event.noteIn(language));
    }

    /** A caller's recording of a report by phone: their voice names them as surely as their number. */
    public boolean hearsRecording(Ticket ticket) {
        return switch (audience) {
            case ADMIN -> true;
            case STAFF -> !isProtected(ticket);
            case VIEWER, NOBODY -> false;
        };
    }

    /** A committee member's number as this caller may see it: whole for staff and admins, else the last digits. */
    public String memberPhone(String e164) {
        return switch (audience) {
            case ADMIN, STAFF -> e164;
            case VIEWER, NOBODY -> PhoneNumber.mask(e164);
        };
    }

    public boolean usesSimulator() {
        return audience == Audience.ADMIN || audience == Audience.STAFF;
    }

    /**
     * Whether the simulator may list, show or send as this phone. A protected reporter is a phone that filed an
     * integrity or anonymous report, or is half-way through one: playing it would show their words and let the
     * player answer as them.
     */
    public boolean mayPlay(boolean protectedReporter) {
        return switch (audience) {
            case ADMIN -> true;
            case STAFF -> !protectedReporter;
            case VIEWER, NOBODY -> false;
        };
    }

    public boolean mayPlay(PhoneNumber phone, Tickets tickets) {
        if (!usesSimulator()) {
            return false;
        }
        return audience == Audience.ADMIN || mayPlay(!tickets.protectedReporters(Set.of(phone.e164())).isEmpty());
    }

    /** The phones among {@code phones} (E.164) the simulator may offer this caller, in the same order. */
    public List<String> playable(Collection<String> phones, Tickets tickets) {
        if (!usesSimulator()) {
            return List.of();
        }
        Set<String> protectedReporters = audience == Audience.ADMIN ? Set.of() : tickets.protectedReporters(phones);
        return phones.stream().filter(p -> mayPlay(protectedReporters.contains(p))).toList();
    }
}
