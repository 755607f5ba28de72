package org.aguavoz.intake.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.communities.SpellingVariant;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.routing.RouteTicket;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.CategoryDeadlines;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Tickets;

/**
 * The reporter's answer to "¿Ya tiene agua? Responda SI o NO". SI closes the ticket; NO reopens it with fresh
 * deadlines, tells the committee and escalates to the agency. Only tickets of this phone that were resolved and
 * not yet closed are waiting for this answer.
 */
@ApplicationScoped
class ReporterConfirmation {

    /** "si", "sí", "si 4821", "no", "no 4821 sigue sin agua": the first word decides. YES is Twilio's opt-in. */
    private static final Pattern ANSWER = Pattern.compile("^\\s*(si|no)\\b\\s*[#:.,-]?\\s*([1-9][0-9]{3,5})?\\b(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Tickets tickets;
    private final CommitteeMemberships memberships;
    private final Outbox outbox;
    private final Clock clock;
    private final RouteTicket routeTicket;

    ReporterConfirmation(Tickets tickets, CommitteeMemberships memberships, Outbox outbox, Clock clock,
            RouteTicket routeTicket) {
        this.routeTicket = routeTicket;
        this.tickets = tickets;
        this.memberships = memberships;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Empty when the SMS is not an answer to a pending question (then it is read as anything else). */
    Optional<SmsDialogue.Answer> answer(String sms, PhoneNumber phone, SmsTexts texts) {
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
        Instant now = clock.instant();
        Actor reporter = Actor.reporter(Channel.SMS);
        String words = matcher.group(3).strip();
        if (fixed) {
            ticket.close(reporter, now, words.isEmpty() ? "El reportante confirmo que se resolvio" : words);
            return Optional.of(new SmsDialogue.Answer(texts.confirmedThanks(ticket.reference), ticket.id));
        }
        ticket.reopen(reporter, now, words.isEmpty() ? "El reportante dice que no se resolvio" : words,
                CategoryDeadlines.findById(ticket.category));
        ticket.escalate(Actor.system(), now, "El reportante respondio NO: el organismo debe revisar");
        SmsTexts committeeTexts = SmsDialogue.texts("es");
        String notice = committeeTexts.committeeReopened(ticket.reference, Gsm7.transliterate(ticket.community.name));
        for (CommitteeMembership member : memberships.current(ticket.community)) {
            outbox.enqueue(new PhoneNumber(member.phone), notice, ticket.id, Timing.NOTICE);
        }
        String escalation = committeeTexts.agencyEscalation(ticket.reference, Gsm7.transliterate(ticket.community.name));
        Timing timing = routeTicket.escalationTiming(ticket);
        routeTicket.onDuty().forEach(staff -> outbox.enqueue(staff, escalation, ticket.id, timing));
        return Optional.of(new SmsDialogue.Answer(texts.reopenedByReporter(ticket.reference), ticket.id));
    }
}
