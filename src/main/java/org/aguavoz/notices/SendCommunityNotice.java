package org.aguavoz.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.agency.Agency;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.communities.Community;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.CommunityNotice;
import org.aguavoz.tickets.CommunityNotices;
import org.aguavoz.tickets.Incidents;
import org.aguavoz.tickets.Tickets;

/**
 * Sends a notice to a whole community, from staff (dashboard, API) or from a committee member (AVISO by SMS): one
 * SMS to every phone that reported openly from the community in the last 12 months and to the committee's current
 * members, each once; the author is answered instead. A notice of a category attaches to the open incident of that
 * category (or to the first report that comes under it), and reports of it then join that incident quietly until
 * it ends. The agency's on-duty staff hear of every committee notice. Everything is checked before anything is
 * written: a refused notice leaves no row and queues no SMS.
 */
@ApplicationScoped
public class SendCommunityNotice {

    /** A phone that reported this recently hears of its community's notices. */
    static final Period REPORTED_WITHIN = Period.ofMonths(12);

    /**
     * The longest a notice may last: while it is active, reports of its category reach nobody by SMS, so a mistyped
     * year must not silence a community.
     */
    public static final Duration LONGEST = Duration.ofDays(31);

    /** The languages a notice's SMS may go out in: the text must fit one segment in each. */
    private static final List<String> LANGUAGES = List.of("es", "en");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** What the author wants sent; {@code category} null: about nothing in particular. */
    public record Draft(Community community, Category category, String text, Instant until) {
    }

    /** Why a notice was not sent; {@code field} names what to correct (the API's field, the form's input). */
    public enum Problem {
        TEXT_MISSING("text"), TEXT_TOO_LONG("text"), UNTIL_MISSING("until"), UNTIL_PAST("until"),
        UNTIL_TOO_FAR("until"), INTEGRITY("category"), ONE_A_DAY("text");

        public final String field;

        Problem(String field) {
            this.field = field;
        }
    }

    public sealed interface Outcome permits Sent, Refused {
    }

    /** {@code queued}: the SMS the gate let through (opted-out and foreign phones are not among them). */
    public record Sent(CommunityNotice notice, int queued) implements Outcome {
    }

    /** {@code maxText}: the longest text that fits one SMS for this community. */
    public record Refused(Problem problem, int maxText) implements Outcome {
    }

    private final CommunityNotices notices;
    private final Incidents incidents;
    private final Tickets tickets;
    private final CommitteeMemberships memberships;
    private final NoticeRecipients recipients;
    private final RouteTicket route;
    private final Outbox outbox;
    private final Clock clock;

    SendCommunityNotice(CommunityNotices notices, Incidents incidents, Tickets tickets, CommitteeMemberships memberships,
            NoticeRecipients recipients, RouteTicket route, Outbox outbox, Clock clock) {
        this.notices = notices;
        this.incidents = incidents;
        this.tickets = tickets;
        this.memberships = memberships;
        this.recipients = recipients;
        this.route = route;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param author      staff, or a committee member of the draft's community (one notice a day per committee)
     * @param authorPhone the member's phone, which is answered instead of sent the notice; null for staff
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome send(Draft draft, Actor author, PhoneNumber authorPhone) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Agency.get().zone());
        boolean byCommittee = author.isCommitteeMember();
        if (byCommittee && notices.committeeSentOn(draft.community(), today)) {
            return new Refused(Problem.ONE_A_DAY, maxText(draft.community()));
        }
        Optional<Refused> refused = check(draft, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        CommunityNotice notice = new CommunityNotice();
        notice.community = draft.community();
        notice.category = draft.category();
        notice.text = oneLine(draft.text());
        notice.until = draft.until();
        notice.createdAt = now;
        // Played in the simulator: named after the staff user who typed it, as on a ticket's timeline.
        notice.actorType = author.type();
        notice.actorName = author.simulatedBy() != null ? author.simulatedBy() : author.name();
        notice.channel = author.channel();
        notice.committeeDay = byCommittee ? today : null;
        notice.persist();
        notice.incident = incidents.forNotice(notice.community, notice.category).orElse(null);
        int queued = recipients.send(notice, phones(notice.community, now, authorPhone));
        if (byCommittee) {
            String sms = SmsBundles.texts("es").agencyMemberNotice(Gsm7.transliterate(notice.community.name), queued,
                    notice.text);
            route.onDuty().forEach(phone -> outbox.enqueue(phone, sms, null, Timing.NOTICE));
        }
        return new Sent(notice, queued);
    }

    /** Empty when the draft may be sent: a text that fits one SMS, an end in the future and not too far. */
    public Optional<Refused> check(Draft draft, Instant now) {
        int max = maxText(draft.community());
        String text = draft.text() == null ? "" : oneLine(draft.text());
        Problem problem = text.isEmpty() ? Problem.TEXT_MISSING
                : Gsm7.septets(Gsm7.transliterate(text)) > max ? Problem.TEXT_TOO_LONG
                : draft.category() == Category.INTEGRITY ? Problem.INTEGRITY
                : draft.until() == null ? Problem.UNTIL_MISSING
                : !draft.until().isAfter(now) ? Problem.UNTIL_PAST
                : draft.until().isAfter(now.plus(LONGEST)) ? Problem.UNTIL_TOO_FAR
                : null;
        return Optional.ofNullable(problem).map(p -> new Refused(p, max));
    }

    /**
     * The longest text (in GSM-7 characters) whose notice fits one segment in every language it may go out in, with
     * this community's name: the SMS reads "AguaVoz Los Angeles, aviso: …".
     */
    public static int maxText(Community community) {
        String name = Gsm7.transliterate(community.name);
        int frame = LANGUAGES.stream().mapToInt(l -> Gsm7.septets(SmsBundles.texts(l).communityNotice(name, "")))
                .max().orElseThrow();
        return Gsm7.SEGMENT - frame;
    }

    /**
     * The committee's current members (in Spanish, like every SMS to them), then every phone that reported openly
     * from the community within {@link #REPORTED_WITHIN} (in the language of its latest report there); never a phone
     * whose only reports there are integrity complaints or anonymous (see Tickets#openReportersSince). The gate
     * decides later which of them may be texted.
     */
    private Map<String, String> phones(Community community, Instant now, PhoneNumber author) {
        Map<String, String> languageByPhone = new LinkedHashMap<>();
        memberships.current(community).forEach(m -> languageByPhone.putIfAbsent(m.phone, "es"));
        Instant since = now.atOffset(ZoneOffset.UTC).minus(REPORTED_WITHIN).toInstant();
        tickets.openReportersSince(community, since)
                .forEach(r -> languageByPhone.putIfAbsent(r.phone(), r.language()));
        if (author != null) {
            languageByPhone.remove(author.e164());
        }
        return languageByPhone;
    }

    static String oneLine(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
