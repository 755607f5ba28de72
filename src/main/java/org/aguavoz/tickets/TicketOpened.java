package org.aguavoz.tickets;

/**
 * Fired inside the transaction that opened a ticket (any channel). Observers (the notices) tell whoever the
 * agency's routing names and compose the reporter's confirmation, which says truthfully who was told.
 */
public final class TicketOpened {

    private final Ticket ticket;
    private final Actor actor;
    private String answer;

    TicketOpened(Ticket ticket, Actor actor) {
        this.ticket = ticket;
        this.actor = actor;
    }

    public Ticket ticket() {
        return ticket;
    }

    public Actor actor() {
        return actor;
    }

    /** The confirmation for a reporter waiting for an SMS answer; null when nothing is to be said. */
    public String answer() {
        return answer;
    }

    public void answer(String text) {
        this.answer = text;
    }
}
