package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;

/**
 * The one place that decides whether AguaVoz may text a phone: every row of the {@link Outbox} passes here, and
 * the SMS webhook asks the same questions before it answers in TwiML. A phone is not texted when it opted out
 * (BAJA/STOP), when it is foreign and foreign numbers are not accepted, or when it sent SMS and made calls together
 * more than {@code maxPerHour} times in the last hour (after one last answer: the polite "too many messages").
 * Caller IDs are easy to fake, so a call counts like an SMS, and a caller gets at most one "report by text" SMS a day.
 */
@ApplicationScoped
public class SmsGate {

    /** Why a phone may not be texted; the reason is recorded on the refused row. */
    public enum Refusal {
        OPTED_OUT("the recipient opted out (BAJA/STOP)"),
        FOREIGN("a number of another country (AGUAVOZ_SMS_INTAKE_ACCEPT_FOREIGN_NUMBERS=false)"),
        OVER_LIMIT("the phone sent SMS or called more than AGUAVOZ_SMS_INTAKE_MAX_PER_HOUR times in the last hour"),
        ONCE_A_DAY("a caller gets one 'report by text' SMS a day, and this phone got one already");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What a phone did in the last hour, and whether it opted out: one query. */
    public record Activity(long lastHour, boolean optedOut) {
    }

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final EntityManager em;
    private final PhoneNumbers phoneNumbers;
    private final PhoneRulesConfig config;
    private final Clock clock;

    SmsGate(EntityManager em, PhoneNumbers phoneNumbers, PhoneRulesConfig config, Clock clock) {
        this.em = em;
        this.phoneNumbers = phoneNumbers;
        this.config = config;
        this.clock = clock;
    }

    /** Empty when the phone may be texted now for this purpose. */
    public Optional<Refusal> check(PhoneNumber to, OutboundMessage.Purpose purpose) {
        if (isForeign(to)) {
            return Optional.of(Refusal.FOREIGN);
        }
        Instant now = clock.instant();
        Activity activity = activity(to.e164(), now, Long.MAX_VALUE);
        if (activity.optedOut()) {
            return Optional.of(Refusal.OPTED_OUT);
        }
        if (isOverLimit(activity.lastHour() - 1)) {
            return Optional.of(Refusal.OVER_LIMIT);
        }
        if (purpose == OutboundMessage.Purpose.HOW_TO_TEXT && howToTextSentSince(to.e164(), now.minus(DAY))) {
            return Optional.of(Refusal.ONCE_A_DAY);
        }
        return Optional.empty();
    }

    public boolean isForeign(PhoneNumber phone) {
        return !config.acceptForeignNumbers() && !phoneNumbers.isLocal(phone);
    }

    /**
     * {@code sentBefore}: SMS and calls of this phone in the last hour before the one being answered. Up to the limit
     * every message is answered; the one right after it gets one polite answer (see {@link #isLastAnswer}); past
     * that, nothing.
     */
    public boolean isOverLimit(long sentBefore) {
        return sentBefore > config.maxPerHour();
    }

    /** The message right after the limit: it gets "we received many messages", the last SMS for this hour. */
    public boolean isLastAnswer(long sentBefore) {
        return sentBefore == config.maxPerHour();
    }

    /**
     * SMS received from the phone and calls from it in the hour up to {@code now}. {@code upToMessage}: count SMS
     * only up to this stored message (an SMS answered late, after a flood, is judged as when it arrived).
     */
    public Activity activity(String phone, Instant now, long upToMessage) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select (select count(*) from inbound_message
                                where from_phone = ?1 and received_at > ?2 and received_at <= ?3 and id <= ?4)
                             + (select count(*) from voice_call where from_phone = ?1 and started_at > ?2 and started_at <= ?3),
                               coalesce((select opted_out from reporter where phone = ?1), false)""")
                .setParameter(1, phone)
                .setParameter(2, now.minus(HOUR))
                .setParameter(3, now)
                .setParameter(4, upToMessage)
                .getSingleResult();
        return new Activity(((Number) row[0]).longValue(), (Boolean) row[1]);
    }

    private boolean howToTextSentSince(String phone, Instant since) {
        return !em.createNativeQuery("""
                        select 1 from outbound_message where to_phone = ?1 and purpose = 'HOW_TO_TEXT' and created_at > ?2
                          and status <> 'NOT_SENT' limit 1""")
                .setParameter(1, phone).setParameter(2, since).getResultList().isEmpty();
    }
}
