package org.aguavoz.tickets;

/**
 * Who did something to a ticket, and through which channel. {@code simulatedBy}: a staff user played this person in
 * the phone simulator; the timeline then names that staff user (channel {@code simulator}), never the person played,
 * while notices still follow the role that was played. {@code language}: the language an answer to this person
 * should be in, when it differs from the ticket's (a committee member who wrote DONE); null otherwise.
 */
public record Actor(TicketEvent.ActorType type, String name, Channel channel, String simulatedBy, String language) {

    public static Actor reporter(Channel channel) {
        return new Actor(TicketEvent.ActorType.REPORTER, null, channel, null, null);
    }

    public static Actor committeeMember(String name, String language) {
        return new Actor(TicketEvent.ActorType.COMMITTEE_MEMBER, name, Channel.SMS, null, language);
    }

    public static Actor staff(String username, Channel channel) {
        return new Actor(TicketEvent.ActorType.STAFF, username, channel, null, null);
    }

    public static Actor system() {
        return new Actor(TicketEvent.ActorType.SYSTEM, null, Channel.SYSTEM, null, null);
    }

    /** The same person, played in the simulator by {@code staffUser} (null: not simulated, returns this actor). */
    public Actor simulatedBy(String staffUser) {
        return staffUser == null ? this : new Actor(type, name, Channel.SIMULATOR, staffUser, language);
    }

    public boolean isReporter() {
        return type == TicketEvent.ActorType.REPORTER;
    }

    public boolean isCommitteeMember() {
        return type == TicketEvent.ActorType.COMMITTEE_MEMBER;
    }

    /** Waiting for an answer by SMS (in the webhook's TwiML): a person who just texted, or played that in the simulator. */
    public boolean awaitsSmsAnswer() {
        return (isReporter() || isCommitteeMember()) && (channel == Channel.SMS || channel == Channel.SIMULATOR);
    }
}
