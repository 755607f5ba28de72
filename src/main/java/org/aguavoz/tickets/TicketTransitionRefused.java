package org.aguavoz.tickets;

/** An action that the ticket's status does not allow, such as resolving a closed ticket. */
public class TicketTransitionRefused extends RuntimeException {

    private final transient TicketStatus status;

    public TicketTransitionRefused(String reference, String action, TicketStatus status) {
        super("cannot " + action + " ticket " + reference + ": it is " + status.apiName());
        this.status = status;
    }

    /** The status that refused the action (of the other ticket, when a merge target refused it). */
    public TicketStatus status() {
        return status;
    }
}
