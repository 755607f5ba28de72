package org.aguavoz.tickets;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;

/**
 * What agency staff may do to a ticket, by name, from the dashboard's forms and from the API alike:
 * {@code acknowledge}, {@code note}, {@code resolve}, {@code close}, {@code reopen}, {@code reassign} (to a community
 * code), {@code merge} (into the incident of another reference), {@code split} (out of its incident). One reading of the request for both, then {@link ChangeTicket}.
 */
@ApplicationScoped
public class StaffActions {

    /** The request names something that does not exist or lacks what the action needs; nothing changed. */
    public static class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String problem) {
            super(problem, null, false, false);
            this.field = field;
        }

        /** The request's field that is wrong: action, note, community or into. */
        public String field() {
            return field;
        }
    }

    /** What a staff user asks for; fields that do not apply to the action are ignored. */
    public record Request(String action, String note, boolean tellReporter, String community, String into) {
    }

    private static final int MAX_NOTE = 1000;

    private final ChangeTicket changeTicket;
    private final Communities communities;
    private final Tickets tickets;

    StaffActions(ChangeTicket changeTicket, Communities communities, Tickets tickets) {
        this.changeTicket = changeTicket;
        this.communities = communities;
        this.tickets = tickets;
    }

    /**
     * Applies the request as {@code actor}; returns the ticket to look at next (the surviving one after a merge).
     * Throws {@link Invalid} for a bad request and {@link TicketTransitionRefused} when the status does not allow it.
     */
    @Transactional(dontRollbackOn = {Invalid.class, TicketTransitionRefused.class})
    public Ticket act(Ticket ticket, Request request, Actor actor) {
        TicketAction action = action(request);
        changeTicket.apply(ticket, action, actor);
        return action.kind() == TicketAction.Kind.MERGE ? action.into() : ticket;
    }

    private TicketAction action(Request request) {
        String note = note(request.note());
        String name = request.action() == null ? "" : request.action().strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "acknowledge" -> TicketAction.acknowledge();
            case "note" -> TicketAction.note(Optional.ofNullable(note)
                    .orElseThrow(() -> new Invalid("note", "a note needs its text")), request.tellReporter());
            case "resolve" -> TicketAction.resolve(note);
            case "close" -> TicketAction.close(note);
            case "reopen" -> TicketAction.reopen(note);
            case "reassign" -> TicketAction.reassign(community(request.community()), note);
            case "merge" -> TicketAction.merge(survivor(request.into()));
            case "split" -> TicketAction.split();
            default -> throw new Invalid("action",
                    "must be one of acknowledge, note, resolve, close, reopen, reassign, merge, split");
        };
    }

    private Community community(String code) {
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("[0-9]{1,6}")) {
            throw new Invalid("community", "must be the community's code, 1 to 6 digits");
        }
        return communities.byCode(typed).orElseThrow(() -> new Invalid("community", "no community with code " + typed));
    }

    private Ticket survivor(String reference) {
        String typed = reference == null ? "" : reference.strip();
        if (!typed.matches("[0-9]{4,6}")) {
            throw new Invalid("into", "must be a ticket reference of 4 to 6 digits");
        }
        return tickets.byReference(typed).orElseThrow(() -> new Invalid("into", "no ticket with reference " + typed));
    }

    /** Staff notes are kept to a screen's worth; control characters and extra spaces are not. */
    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String clean = note.strip();
        return clean.length() <= MAX_NOTE ? clean : clean.substring(0, MAX_NOTE);
    }
}
