package org.aguavoz.conversation;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.communities.Community;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.ChangeTicket;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketAction;
import org.aguavoz.tickets.TicketTransitionRefused;
import org.aguavoz.tickets.Tickets;

/**
 * A committee member acting on a ticket by SMS. Only current members of the ticket's committee may change it;
 * integrity complaints are never theirs. The change goes through the ticket lifecycle, whose notices tell the
 * reporter and compose the member's answer; the reporter never sees the member's number, nor the member the
 * reporter's.
 */
@ApplicationScoped
class CommitteeDialogue {

    private static final int SEGMENT = 160;

    private final Tickets tickets;
    private final ChangeTicket changeTicket;

    CommitteeDialogue(Tickets tickets, ChangeTicket changeTicket) {
        this.tickets = tickets;
        this.changeTicket = changeTicket;
    }

    /** @param simulatedBy the staff user playing this member in the simulator; null for a real SMS */
    SmsDialogue.Answer answer(Reply.Committee command, List<CommitteeMembership> memberships, String simulatedBy) {
        SmsTexts texts = SmsDialogue.texts(command.language());
        List<Community> committees = memberships.stream().map(m -> m.community).toList();
        if (command.kind() == Reply.Committee.Kind.PENDING) {
            List<Ticket> open = openTickets(committees);
            return SmsDialogue.Answer.say(open.isEmpty() ? texts.memberNoOpenTickets()
                    : texts.memberPending(fitting(open, texts.memberPending("").length())));
        }
        Ticket ticket;
        if (command.reference().isPresent()) {
            Optional<Ticket> named = tickets.byReference(command.reference().get())
                    .filter(t -> t.category != Category.INTEGRITY && committees.contains(t.community));
            if (named.isEmpty()) {
                return SmsDialogue.Answer.say(texts.memberNotYours(command.reference().get()));
            }
            ticket = named.get();
        } else {
            List<Ticket> open = openTickets(committees);
            if (open.isEmpty()) {
                return SmsDialogue.Answer.say(texts.memberNoOpenTickets());
            }
            if (open.size() > 1) {
                String first = open.get(0).reference;
                return SmsDialogue.Answer.say(texts.memberWhichTicket(
                        fitting(open, texts.memberWhichTicket("", first).length()), first));
            }
            ticket = open.get(0);
        }
        CommitteeMembership member = memberships.stream().filter(m -> m.community.equals(ticket.community))
                .findFirst().orElseThrow();
        Actor actor = Actor.committeeMember(member.name, command.language()).simulatedBy(simulatedBy);
        if (command.kind() == Reply.Committee.Kind.NOTE && command.text().isBlank()) {
            return new SmsDialogue.Answer(texts.memberHelp(), ticket.id);
        }
        TicketAction action = switch (command.kind()) {
            case ACKNOWLEDGE -> TicketAction.acknowledge();
            case NOTE -> TicketAction.note(command.text(), true);
            case RESOLVE -> TicketAction.resolve(command.text());
            case PENDING -> throw new IllegalStateException("answered above");
        };
        try {
            return new SmsDialogue.Answer(changeTicket.apply(ticket, action, actor).orElse(null), ticket.id);
        } catch (TicketTransitionRefused refused) {
            return new SmsDialogue.Answer(texts.memberRefused(ticket.reference, SmsDialogue.statusLabel(ticket.status, texts)),
                    ticket.id);
        }
    }

    private List<Ticket> openTickets(List<Community> committees) {
        return tickets.committeesOpenTickets(committees);
    }

    /** As many references as fit one SMS after the text around them. */
    private static String fitting(List<Ticket> open, int around) {
        StringBuilder list = new StringBuilder();
        for (Ticket t : open) {
            String next = list.isEmpty() ? t.reference : ", " + t.reference;
            if (around + list.length() + next.length() > SEGMENT) {
                break;
            }
            list.append(next);
        }
        return list.toString();
    }
}
