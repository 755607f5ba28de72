package org.aguavoz.tickets;

/** Who did something to a ticket, and through which channel. */
public record Actor(TicketEvent.ActorType type, String name, Channel channel) {

    public static Actor reporter(Channel channel) {
        return new Actor(TicketEvent.ActorType.REPORTER, null, channel);
    }

    public static Actor committeeMember(String name) {
        return new Actor(TicketEvent.ActorType.COMMITTEE_MEMBER, name, Channel.SMS);
    }

    public static Actor staff(String username, Channel channel) {
        return new Actor(TicketEvent.ActorType.STAFF, username, channel);
    }

    public static Actor system() {
        return new Actor(TicketEvent.ActorType.SYSTEM, null, Channel.SYSTEM);
    }
}
