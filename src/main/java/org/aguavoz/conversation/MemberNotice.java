package org.aguavoz.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.agency.Agency;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.notices.SendCommunityNotice;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;

/**
 * {@code AVISO sin agua hasta el jueves, se cambia la bomba} from a committee member: a notice to their whole
 * community. Its category is read from the words like a report's (never integrity: a notice is no complaint), its
 * end too ({@link NoticeEnd}). A member of several committees starts the words with the community's code.
 */
@ApplicationScoped
class MemberNotice {

    private static final Pattern LEADING_CODE = Pattern.compile("^([0-9]{1,6})\\b[\\s:.,-]*(.*)$", Pattern.DOTALL);

    private final SendCommunityNotice sendNotice;
    private final Clock clock;
    private final CategoryDetector categories = CategoryDetector.load();

    MemberNotice(SendCommunityNotice sendNotice, Clock clock) {
        this.sendNotice = sendNotice;
        this.clock = clock;
    }

    SmsDialogue.Answer answer(Reply.Committee command, List<CommitteeMembership> memberships, String simulatedBy) {
        SmsTexts texts = SmsDialogue.texts(command.language());
        CommitteeMembership member = memberships.get(0);
        String words = command.text();
        if (memberships.size() > 1) {
            Matcher code = LEADING_CODE.matcher(words);
            Optional<CommitteeMembership> named = code.matches() ? memberships.stream()
                    .filter(m -> m.community.code.equals(code.group(1))).findFirst() : Optional.empty();
            if (named.isEmpty()) {
                return SmsDialogue.Answer.say(texts.memberNoticeWhichCommunity(memberships.get(0).community.code));
            }
            member = named.get();
            words = code.group(2).strip();
        }
        if (words.isBlank()) {
            return SmsDialogue.Answer.say(texts.memberNoticeHowTo());
        }
        ZoneId zone = Agency.get().zone();
        LocalDate lastDay = NoticeEnd.lastDay(words, LocalDate.ofInstant(clock.instant(), zone));
        Category category = categories.detect(words).filter(c -> c != Category.INTEGRITY).orElse(null);
        Actor actor = Actor.committeeMember(member.name, command.language()).simulatedBy(simulatedBy);
        SendCommunityNotice.Outcome outcome = sendNotice.send(new SendCommunityNotice.Draft(member.community, category,
                words, lastDay.plusDays(1).atStartOfDay(zone).toInstant()), actor, new PhoneNumber(member.phone));
        if (outcome instanceof SendCommunityNotice.Sent sent) {
            return SmsDialogue.Answer.say(texts.memberNoticeSent(sent.queued(), Gsm7.transliterate(member.community.name)));
        }
        SendCommunityNotice.Refused refused = (SendCommunityNotice.Refused) outcome;
        return SmsDialogue.Answer.say(switch (refused.problem()) {
            case ONE_A_DAY -> texts.memberNoticeOnePerDay();
            case TEXT_TOO_LONG -> texts.memberNoticeTooLong(refused.maxText());
            // The end and the category come from AguaVoz's own reading: only the text can be wrong.
            case TEXT_MISSING, UNTIL_MISSING, UNTIL_PAST, UNTIL_TOO_FAR, INTEGRITY -> texts.memberNoticeHowTo();
        });
    }
}
