package org.aguavoz.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.CommunityNotice;
import org.aguavoz.tickets.CommunityNotices;
import org.aguavoz.tickets.DeadlineStep;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketChanged;
import org.aguavoz.tickets.TicketOpened;
import org.jboss.logging.Logger;

/**
 * Who is told what after a ticket event: the only place that queues SMS about tickets. Whatever the path (SMS,
 * call, committee command, the reporter's SI/NO, dashboard, API, deadline job, simulator), the rules are these:
 * <ul>
 * <li>the committee hears only of tickets the agency's routing gives it, and never of an integrity complaint
 * ({@link RouteTicket});</li>
 * <li>the reporter hears of the committee's answers and is asked whether it is fixed, never a member's number;</li>
 * <li>the answer to the person who acted says only what happened: a reporter is told the committee was told only
 * when an SMS to a member was actually queued;</li>
 * <li>a report that comes while a community notice of its category is active is answered with the notice and
 * tells nobody else (see tickets.CommunityNotices#activeFor);</li>
 * <li>every SMS passes the outbox's gate (opt-out, foreign numbers, per-phone limit).</li>
 * </ul>
 * Everything runs inside the transaction of the change: if it rolls back, no SMS is left behind.
 */
@ApplicationScoped
public class TellPeople {

    private static final Logger LOG = Logger.getLogger(TellPeople.class);
    /** Enough of the reporter's words for the committee to understand, in one or two SMS. */
    private static final int QUOTE_LIMIT = 200;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_STOPS = Pattern.compile("[\\s.]+$");

    private final RouteTicket route;
    private final Outbox outbox;
    private final CommunityNotices notices;

    TellPeople(RouteTicket route, Outbox outbox, CommunityNotices notices) {
        this.route = route;
        this.outbox = outbox;
        this.notices = notices;
    }

    void opened(@Observes TicketOpened event) {
        Ticket ticket = event.ticket();
        SmsTexts texts = SmsBundles.texts(ticket.language);
        String community = community(ticket);
        String confirmation;
        Optional<CommunityNotice> notice = notices.heldBy(ticket);
        if (notice.isPresent()) {
            // The committee or the agency told the whole community already, and until when: this report reaches
            // nobody by SMS (it joined the notice's incident uncounted), and its reporter reads the notice.
            String text = noticeSentence(notice.get().text);
            confirmation = notice.get().fromCommittee() ? texts.receivedCommitteeNotice(ticket.reference, text)
                    : texts.receivedAgencyNotice(ticket.reference, text);
        } else if (joinedKnownIncident(ticket)) {
            // The committee heard of this problem when the incident opened; the next update counts this report.
            long count = ticket.incident.reportCount();
            String problem = problem(ticket.category, texts);
            confirmation = route.recipients(ticket).committeeTold()
                    ? texts.receivedKnown(ticket.reference, community, problem, count)
                    : texts.receivedKnownByAgency(ticket.reference, problem, count);
        } else {
            boolean committeeTold = announce(ticket);
            confirmation = ticket.category == Category.INTEGRITY ? texts.receivedIntegrity(ticket.reference)
                    : committeeTold ? texts.received(ticket.reference, community) : texts.receivedByAgency(ticket.reference);
        }
        answer(event.actor(), ticket, confirmation, event::answer);
    }

    void changed(@Observes TicketChanged event) {
        Ticket ticket = event.ticket();
        Actor actor = event.actor();
        SmsTexts toActor = SmsBundles.texts(actor.language() != null ? actor.language() : ticket.language);
        SmsTexts toReporter = SmsBundles.texts(ticket.language);
        String reference = ticket.reference;
        String incident = ticket.incidentReference();
        List<Ticket> reports = event.reports();
        switch (event.action().kind()) {
            case ACKNOWLEDGE -> {
                if (actor.isCommitteeMember()) {
                    tellEachReporter(reports, (r, t) -> t.reporterAcknowledged(r.reference, community(r)));
                    event.answer(toActor.memberAcknowledged(incident));
                }
            }
            case NOTE -> {
                String note = oneLine(event.action().note());
                if (actor.isCommitteeMember()) {
                    int relayed = tellEachReporter(reports, (r, t) -> t.reporterNote(r.reference, note));
                    event.answer(relayed == 0 ? toActor.memberNoteKept(incident)
                            : relayed == 1 ? toActor.memberNoted(incident) : toActor.memberNotedMany(incident, relayed));
                } else if (event.action().tellReporter()) {
                    tellEachReporter(reports, (r, t) -> t.reporterAgencyNote(r.reference, note));
                }
            }
            case RESOLVE -> {
                int asked = tellEachReporter(reports,
                        (r, t) -> SmsBundles.confirmationQuestion(r, t, actor.isCommitteeMember()));
                if (actor.isCommitteeMember()) {
                    event.answer(asked == 0 ? toActor.memberResolvedNobodyToAsk(incident)
                            : asked == 1 ? toActor.memberResolved(incident) : toActor.memberResolvedMany(incident, asked));
                }
            }
            case CONFIRM -> answer(actor, ticket, toReporter.confirmedThanks(reference), event::answer);
            case REFUSE -> {
                // Back into an incident others still work on: its committee was told when it reopened, and the next
                // update counts this report too.
                boolean committeeTold = event.rejoined() ? route.recipients(ticket).committeeTold() : tellReopened(ticket);
                answer(actor, ticket, committeeTold ? toReporter.reopenedByReporter(reference)
                        : toReporter.reopenedByReporterToAgency(reference), event::answer);
            }
            case REASSIGN -> tellNewCommittee(ticket);
            case REMIND, ESCALATE -> deadlinePassed(ticket, event.action().step());
            case CLOSE, CLOSE_UNCONFIRMED, REOPEN, MERGE, SPLIT -> {
                // Staff close, reopen, merge or split from the dashboard, or the reporter never answered: nobody is
                // waiting for news, and every reporter keeps their own reference.
            }
        }
    }

    /** A notice's words as the reply's last sentence: in GSM-7, without a final stop of their own. */
    private static String noticeSentence(String text) {
        return TRAILING_STOPS.matcher(Gsm7.transliterate(text)).replaceAll("");
    }

    /** A report that joined an incident opened by an earlier one (not the incident's first report). */
    private static boolean joinedKnownIncident(Ticket ticket) {
        return ticket.incident != null && !ticket.incident.reference.equals(ticket.reference);
    }

    /** "de la falta de agua": what the committee already knows, in the words of the category. */
    static String problem(Category category, SmsTexts texts) {
        return switch (category) {
            case OUTAGE -> texts.problemOutage();
            case QUALITY -> texts.problemQuality();
            case LEAK -> texts.problemLeak();
            default -> texts.problemOther();
        };
    }

    /** Tells whoever the routing names of a new ticket; true when at least one committee member will get the SMS. */
    private boolean announce(Ticket ticket) {
        RouteTicket.Recipients recipients = route.recipients(ticket);
        SmsTexts spanish = SmsBundles.texts("es");
        String category = SmsBundles.categoryLabel(ticket.category, spanish);
        String quoted = ticket.channel == Channel.VOICE ? spanish.voiceReportQuote() : oneLine(ticket.description);
        int committeeTold = send(recipients.committee(),
                spanish.committeeNotice(ticket.reference, category, community(ticket), quoted), ticket, Timing.NOTICE);
        List<PhoneNumber> agency = recipients.agency();
        if (committeeTold == 0 && !recipients.committee().isEmpty()) {
            // Every member's phone was refused (opted out, say): the agency must know, as if there were no committee.
            agency = withoutAny(route.onDuty(), recipients.committee());
        }
        send(agency, spanish.agencyNotice(ticket.reference, category, community(ticket), quoted), ticket, Timing.NOTICE);
        return committeeTold > 0;
    }

    /**
     * More people reported an incident: whoever the routing names hears how many, with the incident's reference.
     * Called by {@link TellIncidentUpdates}, which decides when.
     */
    void incidentUpdate(Ticket lead, int joined) {
        RouteTicket.Recipients recipients = route.recipients(lead);
        SmsTexts spanish = SmsBundles.texts("es");
        String reference = lead.incidentReference();
        String category = SmsBundles.categoryLabel(lead.category, spanish);
        String community = community(lead);
        send(recipients.committee(), spanish.committeeIncidentUpdate(reference, category, community, joined), lead,
                Timing.NOTICE);
        send(recipients.agency(), spanish.agencyIncidentUpdate(reference, category, community, joined), lead,
                Timing.NOTICE);
    }

    /** The reporter said NO: the committee (if the routing gives it the ticket) and the on-duty staff hear of it. */
    private boolean tellReopened(Ticket ticket) {
        SmsTexts spanish = SmsBundles.texts("es");
        String community = community(ticket);
        String reference = ticket.incidentReference();
        int committeeTold = send(route.recipients(ticket).committee(),
                spanish.committeeReopened(reference, community), ticket, Timing.NOTICE);
        send(route.onDuty(), spanish.agencyEscalation(reference, community), ticket, route.escalationTiming(ticket));
        return committeeTold > 0;
    }

    /** Staff moved the ticket to another community: its committee hears of it as of a new report. */
    private void tellNewCommittee(Ticket ticket) {
        SmsTexts spanish = SmsBundles.texts("es");
        String notice = spanish.committeeNotice(ticket.incidentReference(), SmsBundles.categoryLabel(ticket.category, spanish),
                community(ticket), oneLine(ticket.description));
        send(route.recipients(ticket).committee(), notice, ticket, Timing.NOTICE);
    }

    /**
     * A deadline passed: whoever must act is reminded (the committee, or the on-duty staff for tickets that are the
     * agency's); an escalating step also tells the on-duty staff, who are then not reminded as well.
     */
    private void deadlinePassed(Ticket ticket, DeadlineStep step) {
        RouteTicket.Recipients recipients = route.recipients(ticket);
        List<PhoneNumber> mustAct = recipients.committeeTold() ? recipients.committee() : recipients.agency();
        List<PhoneNumber> escalateTo = step.escalates() ? route.onDuty() : List.of();
        List<PhoneNumber> remind = withoutAny(mustAct, escalateTo);
        SmsTexts texts = SmsBundles.texts("es");
        String community = community(ticket);
        String category = SmsBundles.categoryLabel(ticket.category, texts);
        String reference = ticket.incidentReference();
        String reminder = switch (step) {
            case ACKNOWLEDGE -> texts.reminderAcknowledge(reference, category, community);
            case RESOLVE_HALFWAY -> texts.reminderHalfway(reference, community);
            case RESOLVE -> texts.reminderResolveMissed(reference, community);
        };
        send(remind, reminder, ticket, Timing.NOTICE);
        if (step.escalates()) {
            String escalation = step == DeadlineStep.ACKNOWLEDGE
                    ? texts.escalationNotAcknowledged(reference, category, community)
                    : texts.escalationNotResolved(reference, category, community);
            send(escalateTo, escalation, ticket, route.escalationTiming(ticket));
            if (escalateTo.isEmpty()) {
                LOG.warnf("Ticket %s is late, but no on-duty phone is set (AGUAVOZ_AGENCY_ON_DUTY_PHONES): only the"
                        + " dashboard shows it", reference);
            }
        }
        LOG.infof("Ticket %s: %s deadline step, %d reminded, %d escalated to", ticket.reference, step, remind.size(),
                escalateTo.size());
    }

    /**
     * The answer to the person who acted: in the webhook's TwiML when they texted (or played that in the simulator),
     * by SMS right away when they called (they are still on the line or just hung up), else none.
     */
    private void answer(Actor actor, Ticket ticket, String text, Consumer<String> inTwiml) {
        if (actor.awaitsSmsAnswer()) {
            inTwiml.accept(text);
        } else if (actor.isReporter() && actor.channel() == Channel.VOICE && ticket.reporterPhone != null) {
            outbox.enqueue(new PhoneNumber(ticket.reporterPhone), text, ticket.id, Timing.REPLY);
        }
    }

    /** Each report's reporter, in their language, with their own reference; returns how many will get the SMS. */
    private int tellEachReporter(List<Ticket> reports, BiFunction<Ticket, SmsTexts, String> sms) {
        int told = 0;
        for (Ticket report : reports) {
            if (tellReporter(report, sms.apply(report, SmsBundles.texts(report.language)))) {
                told++;
            }
        }
        return told;
    }

    /** True when the SMS to the reporter was queued (there is a number, and the gate let it through). */
    private boolean tellReporter(Ticket ticket, String sms) {
        if (ticket.reporterPhone == null) {
            return false;
        }
        return queued(outbox.enqueue(new PhoneNumber(ticket.reporterPhone), sms, ticket.id, Timing.NOTICE));
    }

    /** How many of the phones will get the SMS. */
    private int send(List<PhoneNumber> phones, String sms, Ticket ticket, Timing timing) {
        int queued = 0;
        for (PhoneNumber phone : phones) {
            if (queued(outbox.enqueue(phone, sms, ticket.id, timing))) {
                queued++;
            }
        }
        return queued;
    }

    private static boolean queued(OutboundMessage message) {
        return message.status != OutboundMessage.Status.NOT_SENT;
    }

    private static List<PhoneNumber> withoutAny(List<PhoneNumber> phones, List<PhoneNumber> excluded) {
        List<PhoneNumber> left = new ArrayList<>(phones);
        left.removeAll(excluded);
        return left;
    }

    /** Names go out without á/í/ó/ú, which would make the SMS cost two or three. */
    private static String community(Ticket ticket) {
        return Gsm7.transliterate(ticket.community.name);
    }

    /** The reporter's or a member's words on one line, cut to what the committee needs to understand. */
    static String oneLine(String text) {
        String line = text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
        return line.length() <= QUOTE_LIMIT ? line : line.substring(0, QUOTE_LIMIT - 3) + "...";
    }
}
