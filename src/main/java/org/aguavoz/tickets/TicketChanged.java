package org.aguavoz.tickets;

import org.aguavoz.communities.Community;

/**
 * Fired inside the transaction of every change made by {@link ChangeTicket}, after the ticket and its timeline
 * changed. Observers (the notices) decide who is told; an observer may leave the answer for the person who acted and
 * is waiting for one by SMS ({@link Actor#awaitsSmsAnswer()}).
 *
 * @param previousCommunity REASSIGN: the community the ticket came from; otherwise its current community
 */
public final class TicketChanged {

    private final Ticket ticket;
    private final TicketAction action;
    private final Actor actor;
    private final TicketStatus previousStatus;
    private final Community previousCommunity;
    private String answer;

    TicketChanged(Ticket ticket, TicketAction action, Actor actor, TicketStatus previousStatus,
            Community previousCommunity) {
        this.ticket = ticket;
        this.action = action;
        this.actor = actor;
        this.previousStatus = previousStatus;
        this.previousCommunity = previousCommunity;
    }

    public Ticket ticket() {
        return ticket;
    }

    public TicketAction action() {
        return action;
    }

    public Actor actor() {
        return actor;
    }

    public TicketStatus previousStatus() {
        return previousStatus;
    }

    public Community previousCommunity() {
        return previousCommunity;
    }

    /** The SMS answer to the person who acted, when they wait for one; null: nothing to say. */
    public String answer() {
        return answer;
    }

    public void answer(String text) {
        this.answer = text;
    }
}
