package org.aguavoz.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A committee member acting on a ticket by SMS (or telling the whole community: {@link MemberNotice}). Only current members of the ticket's committee may change it;
 * integrity complaints are never theirs. The change goes through the ticket lifecycle, whose notices tell the
 * reporter and compose the member's answer; the reporter never sees the member's number, nor the member the
 * reporter's.
 */
@ApplicationScoped
class CommitteeDialogue {

    private static final int SEGMENT = 160;

    private final Tickets tickets;
    private final ChangeTicket changeTicket;
    private final MemberNotice memberNotice;

    CommitteeDialogue(Tickets tickets, ChangeTicket changeTicket, MemberNotice memberNotice) {
        this.tickets = tickets;
        this.changeTicket = changeTicket;
        this.memberNotice = memberNotice;
    }

    /** @param simulatedBy the staff user playing this member in the simulator; null for a real SMS */
    SmsDialogue.Answer answer(Reply.Committee command, List<CommitteeMembership> memberships, String simulatedBy) {
        SmsTexts texts = SmsDialogue.texts(command.language());
        if (command.kind() == Reply.Committee.Kind.NOTICE) {
            return memberNotice.answer(command, memberships, simulatedBy);
        }
        List<Community> committees = memberships.stream().map(m -> m.community).toList();
        if (command.kind() == Reply.Committee.Kind.PENDING) {
            List<Problem> open = openProblems(committees);
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
            ticket = actedOn(named.get());
        } else {
            List<Problem> open = openProblems(committees);
            if (open.isEmpty()) {
                return SmsDialogue.Answer.say(texts.memberNoOpenTickets());
            }
            if (open.size() > 1) {
                String first = open.get(0).reference();
                return SmsDialogue.Answer.say(texts.memberWhichTicket(
                        fitting(open, texts.memberWhichTicket("", first).length()), first));
            }
            ticket = open.get(0).lead();
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
            case PENDING, NOTICE -> throw new IllegalStateException("answered above");
        };
        try {
            return new SmsDialogue.Answer(changeTicket.apply(ticket, action, actor).orElse(null), ticket.id);
        } catch (TicketTransitionRefused refused) {
            return new SmsDialogue.Answer(texts.memberRefused(ticket.reference, SmsDialogue.statusLabel(ticket.status, texts)),
                    ticket.id);
        }
    }

    /**
     * A reference names a report; the committee acts on its problem: the unfinished reports of its incident, led by
     * the earliest (ChangeTicket applies the command to all of them). A report whose incident is finished is acted
     * on alone, and refused as usual.
     */
    private static Ticket actedOn(Ticket named) {
        return named.incident == null ? named : named.incident.lead().orElse(named);
    }

    /** An open problem as the committee knows it: the incident's reference (or the report's) and how many reported. */
    private record Problem(String reference, Ticket lead, int reports) {
        String listed() {
            return reports > 1 ? reference + " (" + reports + ")" : reference;
        }
    }

    /** The committee's open problems, oldest first: an incident once, with its count. */
    private List<Problem> openProblems(List<Community> committees) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (Ticket t : tickets.committeesOpenTickets(committees)) {
            problems.merge(t.incidentReference(), new Problem(t.incidentReference(), t, 1),
                    (a, b) -> new Problem(a.reference(), a.lead(), a.reports() + 1));
        }
        return List.copyOf(problems.values());
    }

    /** As many references as fit one SMS after the text around them. */
    private static String fitting(List<Problem> open, int around) {
        StringBuilder list = new StringBuilder();
        for (Problem p : open) {
            String next = list.isEmpty() ? p.listed() : ", " + p.listed();
            if (around + list.length() + next.length() > SEGMENT) {
                break;
            }
            list.append(next);
        }
        return list.toString();
    }
}
