package org.aguavoz.tickets;

/** An action that the ticket's status does not allow, such as resolving a closed ticket. */
public class TicketTransitionRefused extends RuntimeException {

    public TicketTransitionRefused(String reference, String action, TicketStatus status) {
        super("cannot " + action + " ticket " + reference + ": it is " + status.apiName());
    }
}
