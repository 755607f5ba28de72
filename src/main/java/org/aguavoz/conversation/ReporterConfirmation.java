package org.aguavoz.conversation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.communities.SpellingVariant;
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

    /** "si", "sí", "si 4821", "no", "no 4821 sigue sin agua": the first word decides. YES is Twilio's opt-in. */
    private static final Pattern ANSWER = Pattern.compile("^\\s*(si|no)\\b\\s*[#:.,-]?\\s*([1-9][0-9]{3,5})?\\b(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Tickets tickets;
    private final ChangeTicket changeTicket;

    ReporterConfirmation(Tickets tickets, ChangeTicket changeTicket) {
        this.tickets = tickets;
        this.changeTicket = changeTicket;
    }

    /**
     * Empty when the SMS is not an answer to a pending question (then it is read as anything else).
     * {@code simulatedBy}: the staff user playing this reporter in the simulator; null for a real SMS.
     */
    Optional<SmsDialogue.Answer> answer(String sms, PhoneNumber phone, SmsTexts texts, String simulatedBy) {
        String unaccented = SpellingVariant.withoutAccents(sms == null ? "" : sms);
        Matcher matcher = ANSWER.matcher(unaccented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        List<Ticket> waiting = tickets.list("reporterPhone = ?1 and status = ?2 order by resolvedAt", phone.e164(),
                TicketStatus.RESOLVED);
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        boolean fixed = matcher.group(1).equalsIgnoreCase("si");
        Optional<String> reference = Optional.ofNullable(matcher.group(2));
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
        String words = matcher.group(3).strip();
        TicketAction action = fixed ? TicketAction.confirm(words) : TicketAction.refuse(words);
        return Optional.of(new SmsDialogue.Answer(changeTicket.apply(ticket, action, reporter).orElse(null), ticket.id));
    }
}
