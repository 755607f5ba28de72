package org.aguavoz.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.notices.SmsBundles;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.SmsGate;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import org.aguavoz.reporters.Reporter;
import org.aguavoz.reporters.Reporters;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.NewTicket;
import org.aguavoz.tickets.OpenTicket;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Tickets;

/**
 * What AguaVoz answers to a villager's SMS: a command (AYUDA, ESTADO 4821, BAJA…), the answer to the one
 * question it asked, or a report that becomes a ticket once its community and category are known; a committee
 * member's command; the reporter's SI/NO. Runs inside the Twilio edge's transaction, with the reporter's row locked.
 * Tickets change only through the ticket lifecycle; who else is told, and what the sender is answered about a
 * ticket, is decided by the notices.
 */
@ApplicationScoped
public class SmsDialogue {

    /** The reply (null: say nothing) and the ticket the message opened or acted on, if any. */
    public record Answer(String reply, Long ticketId) {
        static Answer say(String reply) {
            return new Answer(reply, null);
        }
    }

    /** A report being filed: what is known so far. */
    private record Draft(String text, Category category, Community community, boolean anonymous) {
    }

    /** The category menu of {@link SmsTexts#categoryMenu()}, in its order. */
    private static final List<Category> MENU = List.of(Category.OUTAGE, Category.QUALITY, Category.LEAK,
            Category.BILLING, Category.INTEGRITY, Category.OTHER);
    private static final int MAX_DESCRIPTION = 4000;
    /** Control characters (but line breaks) and the stand-in for a NUL. */
    private static final Pattern UNREADABLE = Pattern.compile("[\\p{Cc}\\x{FFFD}&&[^\\n]]");

    private final SmsGate gate;
    private final PhoneNumbers phoneNumbers;
    private final Reporters reporters;
    private final Conversations conversations;
    private final CommunityInText communityInText;
    private final Communities communities;
    private final CommitteeMemberships memberships;
    private final Tickets tickets;
    private final OpenTicket openTicket;
    private final ConversationConfig config;
    private final Clock clock;
    private final CommitteeDialogue committeeDialogue;
    private final ReporterConfirmation confirmations;
    private final ReportStatus reportStatus;
    private final CategoryDetector categories = CategoryDetector.load();

    SmsDialogue(SmsGate gate, PhoneNumbers phoneNumbers, Reporters reporters, Conversations conversations,
            CommunityInText communityInText, Communities communities, CommitteeMemberships memberships,
            Tickets tickets, OpenTicket openTicket, ConversationConfig config, Clock clock,
            CommitteeDialogue committeeDialogue, ReporterConfirmation confirmations, ReportStatus reportStatus) {
        this.committeeDialogue = committeeDialogue;
        this.confirmations = confirmations;
        this.reportStatus = reportStatus;
        this.gate = gate;
        this.phoneNumbers = phoneNumbers;
        this.reporters = reporters;
        this.conversations = conversations;
        this.communityInText = communityInText;
        this.communities = communities;
        this.memberships = memberships;
        this.tickets = tickets;
        this.openTicket = openTicket;
        this.config = config;
        this.clock = clock;
    }

    public Answer answer(IncomingSms message) {
        Optional<PhoneNumber> sender = phoneNumbers.parse(message.from());
        if (sender.isEmpty()) {
            return Answer.say(null); // a short code or a name: nobody to answer
        }
        PhoneNumber phone = sender.get();
        // SMS and calls of this phone in the hour before this message: the gate's one rule for every SMS.
        long sentBefore = gate.activity(phone.e164(), message.receivedAt(), message.id()).lastHour() - 1;
        if (gate.isForeign(phone)) {
            return Answer.say(sentBefore > 0 ? null : texts("es").foreignNumber());
        }
        Reporter reporter = reporters.lockOrCreate(phone);
        if (gate.isOverLimit(sentBefore)) {
            return Answer.say(null);
        }
        if (gate.isLastAnswer(sentBefore)) {
            // One polite answer, then silence: answering a stuck phone costs money and helps nobody.
            return Answer.say(texts(reporter.language).flood());
        }
        Reply reply = Reply.parse(message.body());
        if (reply.committee().isPresent()) {
            Reply.Committee command = reply.committee().get();
            List<CommitteeMembership> serving = memberships.currentAnywhere(phone.e164());
            if (!serving.isEmpty()) {
                return committeeDialogue.answer(command, serving, message.simulatedBy());
            }
            if (command.reference().isPresent()) {
                // Someone who is on no committee cannot change a ticket, whatever they type.
                return Answer.say(texts(reporter.language).memberNotYours(command.reference().get()));
            }
        }
        if (reply.mention().filter(reference -> isTicketOfTheirCommittee(reference, phone)).isPresent()) {
            // "HECHO 4821" from a member: a command we do not know, about one of their tickets. Not a new report.
            return Answer.say(texts(reporter.language).memberHelp());
        }
        Optional<Answer> confirmation = reply.confirmation()
                .flatMap(answer -> confirmations.answer(answer, phone, texts(reporter.language), message.simulatedBy()));
        if (confirmation.isPresent()) {
            return confirmation.get();
        }
        Reply.Villager command = reply.villager();
        reporter.language = command.language().orElse(reporter.language);
        reporter.updatedAt = clock.instant();
        SmsTexts texts = texts(reporter.language);
        Optional<Conversation> waiting = conversations.waiting(phone.e164(), clock.instant());

        return switch (command.kind()) {
            // A bare HELP/INFO is answered by Twilio itself (its Advanced Opt-Out text, which the README says to
            // set to ours); answering too would send two.
            case HELP -> Answer.say(command.handledByTwilio() ? null
                    : memberships.currentAnywhere(phone.e164()).isEmpty() ? texts.help() : texts.memberHelp());
            case STATUS -> status(phone, command.reference(), texts);
            case OPT_OUT -> {
                reporter.optedOut = true;
                yield Answer.say(command.handledByTwilio() ? null : texts.optedOut());
            }
            case OPT_IN -> {
                reporter.optedOut = false;
                yield Answer.say(command.handledByTwilio() ? null : texts.optedIn());
            }
            case ANONYMOUS -> command.text().isBlank()
                    ? Answer.say(texts.anonymousHowTo())
                    : file(new Draft(command.text(), Category.INTEGRITY, null, true),
                            reporter, phone, message, texts, waiting);
            case MENU_CHOICE -> answerMenuChoice(command.digit(), waiting, reporter, phone, message, texts);
            case CODE_ONLY -> answerCode(command.code(), waiting, reporter, phone, message, texts);
            case REPORT -> answerText(waiting, reporter, phone, message, texts);
        };
    }

    private Answer answerMenuChoice(int digit, Optional<Conversation> waiting, Reporter reporter, PhoneNumber phone,
            IncomingSms message, SmsTexts texts) {
        if (waiting.isPresent() && waiting.get().awaiting == Conversation.Awaiting.CATEGORY) {
            if (digit < 1 || digit > MENU.size()) {
                return Answer.say(texts.categoryMenu());
            }
            Conversation c = waiting.get();
            return file(new Draft(c.reportText, MENU.get(digit - 1), c.community, c.anonymous),
                    reporter, phone, message, texts, waiting);
        }
        return answerCode(Integer.toString(digit), waiting, reporter, phone, message, texts);
    }

    private Answer answerCode(String code, Optional<Conversation> waiting, Reporter reporter, PhoneNumber phone,
            IncomingSms message, SmsTexts texts) {
        Optional<Community> community = communities.byCode(code);
        if (waiting.isPresent() && waiting.get().awaiting == Conversation.Awaiting.COMMUNITY) {
            if (community.isEmpty()) {
                return Answer.say(texts.unknownCommunity(code));
            }
            Conversation c = waiting.get();
            return file(new Draft(c.reportText, c.category, community.get(), c.anonymous),
                    reporter, phone, message, texts, waiting);
        }
        if (community.isEmpty()) {
            return Answer.say(texts.unknownCommunity(code));
        }
        // Only a code: the community is known, what happened is not yet.
        return file(new Draft(message.body().strip(), null, community.get(), false),
                reporter, phone, message, texts, waiting);
    }

    private Answer answerText(Optional<Conversation> waiting, Reporter reporter, PhoneNumber phone,
            IncomingSms message, SmsTexts texts) {
        if (ReportText.normalize(message.body()).isEmpty()) {
            return Answer.say(texts.empty());
        }
        if (waiting.isPresent()) {
            Conversation c = waiting.get();
            if (c.awaiting == Conversation.Awaiting.COMMUNITY) {
                Optional<Community> named = communityInText.find(message.body()).community();
                if (named.isPresent()) {
                    return file(new Draft(c.reportText, c.category, named.get(), c.anonymous),
                            reporter, phone, message, texts, waiting);
                }
            } else {
                Optional<Category> category = categories.detect(message.body());
                if (category.isPresent()) {
                    return file(new Draft(c.reportText + " / " + message.body().strip(), category.get(), c.community,
                            c.anonymous), reporter, phone, message, texts, waiting);
                }
            }
        }
        return file(new Draft(message.body(), null, null, false), reporter, phone, message, texts, waiting);
    }

    private boolean isTicketOfTheirCommittee(String reference, PhoneNumber phone) {
        List<CommitteeMembership> serving = memberships.currentAnywhere(phone.e164());
        return !serving.isEmpty() && tickets.byReference(reference)
                .filter(t -> t.category != Category.INTEGRITY)
                .filter(t -> serving.stream().anyMatch(m -> m.community.equals(t.community)))
                .isPresent();
    }

    /** Opens the ticket when community and category are known; otherwise asks the one missing thing. */
    private Answer file(Draft draft, Reporter reporter, PhoneNumber phone, IncomingSms message, SmsTexts texts,
            Optional<Conversation> waiting) {
        Category category = draft.category() != null ? draft.category() : categories.detect(draft.text()).orElse(null);
        CommunityInText.Found found = draft.community() != null
                ? new CommunityInText.Found(Optional.of(draft.community()), Optional.empty())
                : communityInText.find(draft.text());
        Community community = found.community().orElse(reporter.community);
        if (community == null) {
            wait(waiting, phone, Conversation.Awaiting.COMMUNITY, draft, category, null, reporter.language, message);
            return Answer.say(found.unknownCode().map(texts::unknownCommunity).orElseGet(texts::askCommunity));
        }
        if (category == null) {
            wait(waiting, phone, Conversation.Awaiting.CATEGORY, draft, null, community, reporter.language, message);
            return Answer.say(texts.categoryMenu());
        }
        // The half-filed report this one completes or replaces, looked up once per message.
        waiting.ifPresent(conversations::delete);
        reporter.community = community;
        Channel channel = message.simulatedBy() == null ? Channel.SMS : Channel.SIMULATOR;
        OpenTicket.Opened opened = openTicket.open(new NewTicket(community, category, channel, phone,
                storable(draft.text()), draft.anonymous(), reporter.language),
                Actor.reporter(Channel.SMS).simulatedBy(message.simulatedBy()));
        return new Answer(opened.answer(), opened.ticket().id);
    }

    private void wait(Optional<Conversation> waiting, PhoneNumber phone, Conversation.Awaiting awaiting, Draft draft,
            Category category, Community community, String language, IncomingSms message) {
        Instant now = clock.instant();
        Conversation c = waiting.orElseGet(() -> {
            Conversation fresh = new Conversation();
            fresh.phone = phone.e164();
            return fresh;
        });
        c.awaiting = awaiting;
        c.reportText = storable(draft.text());
        c.category = category;
        c.community = community;
        c.anonymous = draft.anonymous();
        c.language = language;
        c.inboundMessageId = message.id();
        c.startedAt = now;
        c.expiresAt = now.plus(config.conversationExpiresAfter());
        conversations.persist(c);
    }

    private Answer status(PhoneNumber phone, Optional<String> reference, SmsTexts texts) {
        Optional<ReportStatus.Known> known = reportStatus.of(phone, reference, texts);
        if (known.isEmpty()) {
            return Answer.say(reference.map(texts::statusNotFound).orElseGet(texts::noReports));
        }
        Ticket t = known.get().ticket();
        return Answer.say(texts.status(t.reference, Gsm7.transliterate(t.community.name), known.get().label()));
    }

    /**
     * The reporter's words as stored: control characters (which some phones send and no screen shows) and the
     * stand-in for a NUL become spaces; the rest, HTML- or SQL-looking text included, is kept as written and escaped where it is shown.
     */
    static String storable(String text) {
        String clean = UNREADABLE.matcher(text).replaceAll(" ").strip();
        return clean.length() <= MAX_DESCRIPTION ? clean : clean.substring(0, MAX_DESCRIPTION);
    }

    static SmsTexts texts(String language) {
        return SmsBundles.texts(language);
    }

    static String statusLabel(TicketStatus status, SmsTexts texts) {
        return SmsBundles.statusLabel(status, texts);
    }
}
