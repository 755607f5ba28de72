package org.aguavoz.intake.sms;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.communities.Community;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.TicketTransitionRefused;
import org.aguavoz.tickets.Tickets;

/**
 * A committee member acting on a ticket by SMS. Only current members of the ticket's committee may change it;
 * integrity complaints are never theirs. Each change writes its event and the reporter's SMS in the same
 * transaction; the reporter never sees the member's number, nor the member the reporter's.
 */
@ApplicationScoped
class CommitteeDialogue {

    private static final int SEGMENT = 160;

    private final Tickets tickets;
    private final Outbox outbox;
    private final Clock clock;

    CommitteeDialogue(Tickets tickets, Outbox outbox, Clock clock) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    SmsDialogue.Answer answer(CommitteeCommand command, List<CommitteeMembership> memberships) {
        SmsTexts texts = SmsDialogue.texts(command.language());
        List<Community> committees = memberships.stream().map(m -> m.community).toList();
        if (command.kind() == CommitteeCommand.Kind.PENDING) {
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
        Actor actor = Actor.committeeMember(member.name);
        try {
            return new SmsDialogue.Answer(apply(command, ticket, actor, texts), ticket.id);
        } catch (TicketTransitionRefused refused) {
            return new SmsDialogue.Answer(texts.memberRefused(ticket.reference, SmsDialogue.statusLabel(ticket.status, texts)),
                    ticket.id);
        }
    }

    private String apply(CommitteeCommand command, Ticket ticket, Actor actor, SmsTexts texts) {
        SmsTexts toReporter = SmsDialogue.texts(ticket.language);
        String community = Gsm7.transliterate(ticket.community.name);
        switch (command.kind()) {
            case ACKNOWLEDGE -> {
                ticket.acknowledge(actor, clock.instant());
                tellReporter(ticket, toReporter.reporterAcknowledged(ticket.reference, community));
                return texts.memberAcknowledged(ticket.reference);
            }
            case NOTE -> {
                if (command.text().isBlank()) {
                    return texts.memberHelp();
                }
                ticket.addNote(actor, clock.instant(), command.text());
                tellReporter(ticket, toReporter.reporterNote(ticket.reference, command.text()));
                return texts.memberNoted(ticket.reference);
            }
            case RESOLVE -> {
                ticket.resolve(actor, clock.instant(), command.text().isBlank() ? null : command.text());
                tellReporter(ticket, confirmationQuestion(ticket, toReporter));
                return texts.memberResolved(ticket.reference);
            }
            default -> throw new IllegalStateException(command.kind().toString());
        }
    }

    static String confirmationQuestion(Ticket ticket, SmsTexts texts) {
        return SmsBundles.confirmationQuestion(ticket, texts);
    }

    private void tellReporter(Ticket ticket, String sms) {
        if (ticket.reporterPhone != null) {
            outbox.enqueue(new PhoneNumber(ticket.reporterPhone), sms, ticket.id, Timing.NOTICE);
        }
    }

    private List<Ticket> openTickets(List<Community> committees) {
        return tickets.list("community in ?1 and category <> ?2 and status in ?3 order by createdAt",
                committees, Category.INTEGRITY, List.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
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
