package org.aguavoz.notices;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.CommunityNotice;

/**
 * The phones a community notice goes to, each once (the key of {@code notice_recipient} holds that, whatever calls
 * this), and how their SMS fared. Every copy is an outbox row like any other SMS: it passes the gate (opted-out and
 * foreign phones get a {@code not_sent} row with the reason), waits for the end of quiet hours and goes out at the
 * sending number's pace.
 */
@ApplicationScoped
public class NoticeRecipients {

    /** How a notice's SMS fared, from its outbox rows. Delivered and undelivered ones count as sent too. */
    public record Counts(int recipients, int waiting, int sent, int delivered, int failed, int notSent) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts plus(OutboundMessage.Status status, int n) {
            return switch (status) {
                case PENDING, SENDING -> new Counts(recipients + n, waiting + n, sent, delivered, failed, notSent);
                case QUEUED, SENT -> new Counts(recipients + n, waiting, sent + n, delivered, failed, notSent);
                case DELIVERED -> new Counts(recipients + n, waiting, sent + n, delivered + n, failed, notSent);
                case UNDELIVERED -> new Counts(recipients + n, waiting, sent + n, delivered, failed + n, notSent);
                case FAILED -> new Counts(recipients + n, waiting, sent, delivered, failed + n, notSent);
                case NOT_SENT -> new Counts(recipients + n, waiting, sent, delivered, failed, notSent + n);
            };
        }
    }

    private final EntityManager em;
    private final Outbox outbox;

    NoticeRecipients(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /**
     * Queues the notice to each phone (E.164 → language of its SMS) that has not had it yet; returns how many SMS the
     * gate let through.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int send(CommunityNotice notice, Map<String, String> languageByPhone) {
        String community = Gsm7.transliterate(notice.community.name);
        String text = Gsm7.transliterate(notice.text);
        int queued = 0;
        for (Map.Entry<String, String> recipient : languageByPhone.entrySet()) {
            String phone = recipient.getKey();
            int claimed = em.createNativeQuery(
                            "insert into notice_recipient (notice_id, phone) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, notice.id).setParameter(2, phone).executeUpdate();
            if (claimed == 0) {
                continue;
            }
            OutboundMessage message = outbox.enqueue(new PhoneNumber(phone),
                    SmsBundles.texts(recipient.getValue()).communityNotice(community, text), null, Timing.NOTICE,
                    OutboundMessage.Purpose.COMMUNITY_NOTICE);
            em.createNativeQuery("update notice_recipient set outbound_message_id = ?3 where notice_id = ?1 and phone = ?2")
                    .setParameter(1, notice.id).setParameter(2, phone).setParameter(3, message.id).executeUpdate();
            if (message.status != OutboundMessage.Status.NOT_SENT) {
                queued++;
            }
        }
        return queued;
    }

    /** The counts of each of these notices (none for a notice nobody could be sent). */
    @SuppressWarnings("unchecked")
    public Map<Long, Counts> counts(Collection<Long> noticeIds) {
        Map<Long, Counts> counts = new HashMap<>();
        if (noticeIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createNativeQuery("""
                        select r.notice_id, o.status, count(*) from notice_recipient r
                        join outbound_message o on o.id = r.outbound_message_id
                        where r.notice_id in (:ids) group by r.notice_id, o.status""")
                .setParameter("ids", noticeIds).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            OutboundMessage.Status status = OutboundMessage.Status.valueOf((String) row[1]);
            counts.put(id, counts.getOrDefault(id, Counts.NONE).plus(status, ((Number) row[2]).intValue()));
        }
        return counts;
    }

    public Counts countsOf(CommunityNotice notice) {
        return counts(List.of(notice.id)).getOrDefault(notice.id, Counts.NONE);
    }
}
