package org.aguavoz.tickets;

import java.util.List;

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
    private final List<Ticket> reports;
    private final boolean rejoined;
    private final TicketAction action;
    private final Actor actor;
    private final TicketStatus previousStatus;
    private final Community previousCommunity;
    private String answer;

    TicketChanged(Ticket ticket, List<Ticket> reports, TicketAction action, Actor actor, TicketStatus previousStatus,
            Community previousCommunity, boolean rejoined) {
        this.ticket = ticket;
        this.reports = List.copyOf(reports);
        this.rejoined = rejoined;
        this.action = action;
        this.actor = actor;
        this.previousStatus = previousStatus;
        this.previousCommunity = previousCommunity;
    }

    public Ticket ticket() {
        return ticket;
    }

    /**
     * Every report that changed: the ticket itself, or all the unfinished reports of its incident when the action
     * concerns the whole incident (see ChangeTicket). Each reporter is told once; the committee once.
     */
    public List<Ticket> reports() {
        return reports;
    }

    /**
     * REOPEN, REFUSE: the report went back into its incident, which others still work on, instead of reopening
     * it: the committee hears of it with the incident's next update, not as a reopened problem.
     */
    public boolean rejoined() {
        return rejoined;
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
