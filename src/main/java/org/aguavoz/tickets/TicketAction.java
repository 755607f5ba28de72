package org.aguavoz.tickets;

import java.util.Locale;
import java.util.Objects;

import org.aguavoz.communities.Community;

/**
 * One thing that can happen to a ticket after it opened; {@link ChangeTicket} applies it. Components that do not
 * apply to the kind are null or false.
 *
 * @param note         the person's own words (a note, why it was closed, the reporter's words after SI/NO)
 * @param tellReporter NOTE by staff: the note is also sent to the reporter by SMS
 * @param community    REASSIGN: the community whose committee must act now
 * @param into         MERGE: a report of the incident the ticket joins
 * @param step         REMIND, ESCALATE: the deadline that passed
 */
public record TicketAction(Kind kind, String note, boolean tellReporter, Community community, Ticket into,
        DeadlineStep step) {

    public enum Kind {
        ACKNOWLEDGE, NOTE, RESOLVE, CLOSE, REOPEN, REASSIGN,
        /** Staff: this report (and the rest of its incident) joins the incident of {@code into}. */
        MERGE,
        /** Staff: this report leaves its incident and goes on alone. */
        SPLIT,
        /** The reporter's SI: the problem is fixed, the ticket closes. */
        CONFIRM,
        /** The reporter's NO: the ticket reopens with fresh deadlines and is escalated at once. */
        REFUSE,
        /** The reporter never answered SI or NO: the resolved ticket closes as resolved-unconfirmed. */
        CLOSE_UNCONFIRMED,
        /** A deadline step that reminds whoever must act. */
        REMIND,
        /** A deadline step that reminds whoever must act and escalates to the agency. */
        ESCALATE;

        /** As integrators write it: {@code acknowledge}, {@code reassign}… */
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TicketAction {
        Objects.requireNonNull(kind, "kind");
        note = note == null || note.isBlank() ? null : note.strip();
    }

    public static TicketAction acknowledge() {
        return new TicketAction(Kind.ACKNOWLEDGE, null, false, null, null, null);
    }

    public static TicketAction note(String note, boolean tellReporter) {
        return new TicketAction(Kind.NOTE, Objects.requireNonNull(note, "note"), tellReporter, null, null, null);
    }

    public static TicketAction resolve(String note) {
        return new TicketAction(Kind.RESOLVE, note, false, null, null, null);
    }

    public static TicketAction close(String note) {
        return new TicketAction(Kind.CLOSE, note, false, null, null, null);
    }

    public static TicketAction reopen(String note) {
        return new TicketAction(Kind.REOPEN, note, false, null, null, null);
    }

    public static TicketAction reassign(Community to, String note) {
        return new TicketAction(Kind.REASSIGN, note, false, Objects.requireNonNull(to, "community"), null, null);
    }

    public static TicketAction merge(Ticket into) {
        return new TicketAction(Kind.MERGE, null, false, null, Objects.requireNonNull(into, "into"), null);
    }

    public static TicketAction split() {
        return new TicketAction(Kind.SPLIT, null, false, null, null, null);
    }

    public static TicketAction confirm(String words) {
        return new TicketAction(Kind.CONFIRM, words, false, null, null, null);
    }

    public static TicketAction refuse(String words) {
        return new TicketAction(Kind.REFUSE, words, false, null, null, null);
    }

    public static TicketAction closeUnconfirmed() {
        return new TicketAction(Kind.CLOSE_UNCONFIRMED, null, false, null, null, null);
    }

    /** The deadline job's action for a step: an escalating step escalates, the others remind. */
    public static TicketAction deadlinePassed(DeadlineStep step) {
        return new TicketAction(step.escalates() ? Kind.ESCALATE : Kind.REMIND, null, false, null, null, step);
    }
}
