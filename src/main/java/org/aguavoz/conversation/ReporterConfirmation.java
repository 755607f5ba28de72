package org.aguavoz.conversation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.ChangeTicket;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketAction;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Tickets;

/**
 * The reporter's answer to "¿Ya tiene agua? Responda SI o NO". SI closes the ticket; NO reopens it with fresh
 * deadlines and escalates it (the notices tell whom the routing allows: never the committee of an integrity
 * complaint). Only tickets of this phone that were resolved and not yet closed are waiting for this answer.
 */
@ApplicationScoped
class ReporterConfirmation {

    private final Tickets tickets;
    private final ChangeTicket changeTicket;

    ReporterConfirmation(Tickets tickets, ChangeTicket changeTicket) {
        this.tickets = tickets;
        this.changeTicket = changeTicket;
    }

    /**
     * Empty when no ticket of this phone awaits the answer (then the SMS is read as anything else).
     * {@code simulatedBy}: the staff user playing this reporter in the simulator; null for a real SMS.
     */
    Optional<SmsDialogue.Answer> answer(Reply.Confirmation answer, PhoneNumber phone, SmsTexts texts, String simulatedBy) {
        List<Ticket> waiting = tickets.list("reporterPhone = ?1 and status = ?2 order by resolvedAt", phone.e164(),
                TicketStatus.RESOLVED);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> reference = answer.reference();
        Ticket ticket;
        if (reference.isPresent()) {
            ticket = waiting.stream().filter(t -> t.reference.equals(reference.get())).findFirst().orElse(null);
            if (ticket == null) {
                return Optional.of(SmsDialogue.Answer.say(texts.statusNotFound(reference.get())));
            }
        } else if (waiting.size() == 1) {
            ticket = waiting.get(0);
        } else {
            String references = waiting.stream().map(t -> t.reference).collect(Collectors.joining(", "));
            return Optional.of(SmsDialogue.Answer.say(texts.whichConfirmation(references, waiting.get(0).reference)));
        }
        Actor reporter = Actor.reporter(Channel.SMS).simulatedBy(simulatedBy);
        TicketAction action = answer.fixed() ? TicketAction.confirm(answer.words()) : TicketAction.refuse(answer.words());
        return Optional.of(new SmsDialogue.Answer(changeTicket.apply(ticket, action, reporter).orElse(null), ticket.id));
    }
}
