package org.aguavoz.intake.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Step one of intake, in its own short transaction: the message is committed before anything that can fail.
 * The unique MessageSid makes a repeated delivery (Twilio retries, or two instances at once) a no-op: the
 * database, not memory, decides which delivery is the first.
 */
@ApplicationScoped
class StoreInboundSms {

    /** Twilio's limit is 1,600 characters; anything longer is not from Twilio and is cut, not refused. */
    static final int MAX_BODY = 10_000;

    private final EntityManager em;
    private final Clock clock;

    StoreInboundSms(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** PostgreSQL text cannot hold NUL, which some phones send; it becomes the replacement character. */
    static String storable(String body) {
        String cut = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
        return cut.replace('\u0000', '\uFFFD');
    }

    /** The stored message; {@code fresh} when this delivery stored it (not an earlier delivery of the same SID). */
    record Stored(long id, boolean fresh) {
    }

    /** @param answerLater the answer will follow by SMS (a flood): recorded on the row for a repeated delivery */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Stored store(InboundSms sms, boolean answerLater) {
        return insert(sms, answerLater, clock.instant());
    }

    /** A message that waited in the spool: it keeps the moment it reached us, and its answer follows by SMS. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Stored storeSpooled(SpooledSms spooled) {
        return insert(spooled.sms(), true, spooled.receivedAt());
    }

    private Stored insert(InboundSms sms, boolean answerLater, Instant receivedAt) {
        List<?> inserted = em.createNativeQuery("""
                        insert into inbound_message (message_sid, account_sid, from_phone, to_phone, body, num_media, received_at,
                                                     reply_channel, simulated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (message_sid) do nothing
                        returning id""")
                .setParameter(1, sms.messageSid())
                .setParameter(2, sms.accountSid())
                .setParameter(3, sms.from().length() > 32 ? sms.from().substring(0, 32) : sms.from())
                .setParameter(4, sms.to().length() > 64 ? sms.to().substring(0, 64) : sms.to())
                .setParameter(5, storable(sms.body()))
                .setParameter(6, Math.max(0, sms.numMedia()))
                .setParameter(7, receivedAt)
                .setParameter(8, answerLater ? "OUTBOX" : null)
                .setParameter(9, sms.simulatedBy())
                .getResultList(); // not getResultStream(): a scrollable result costs more than the insert here
        if (!inserted.isEmpty()) {
            return new Stored(((Number) inserted.get(0)).longValue(), true);
        }
        return new Stored(((Number) em.createNativeQuery("select id from inbound_message where message_sid = ?1")
                .setParameter(1, sms.messageSid()).getSingleResult()).longValue(), false);
    }
}
