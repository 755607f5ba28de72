package org.aguavoz.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Twilio's delivery reports for what we sent. They may come twice or out of order ("sent" after "delivered"): a
 * status only ever moves forward, so replays change nothing. The webhook that receives them is at the Twilio edge
 * (intake.sms.SmsStatusCallbackResource).
 */
@ApplicationScoped
public class DeliveryReports {

    private static final Logger LOG = Logger.getLogger(DeliveryReports.class);

    /** How far along each Twilio status is; a callback that would move a message back is ignored. */
    private static final Map<String, Integer> PROGRESS = Map.of(
            "accepted", 1, "scheduled", 1, "queued", 1, "sending", 1,
            "sent", 2,
            "delivered", 3, "undelivered", 3, "failed", 3);

    private final EntityManager em;
    private final Clock clock;

    DeliveryReports(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** A status Twilio reports (any case); false for one it never sends. */
    public static boolean isKnown(String twilioStatus) {
        return twilioStatus != null && PROGRESS.containsKey(twilioStatus.toLowerCase(Locale.ROOT));
    }

    @Transactional
    public void record(String messageSid, String status, String errorCode) {
        String twilioStatus = status.toLowerCase(Locale.ROOT);
        // Two reports for one message wait for each other on the row lock, so "forward only" holds.
        List<?> locked = em.createNativeQuery("select id from outbound_message where twilio_sid = ?1 for update")
                .setParameter(1, messageSid).getResultList();
        OutboundMessage message = locked.isEmpty() ? null
                : em.find(OutboundMessage.class, ((Number) locked.get(0)).longValue());
        if (message == null) {
            // Not ours, or ahead of the sender storing the SID: kept, and applied when the SID is stored.
            if (messageSid.matches("(SM|MM)[0-9a-fA-F]{32}")) {
                em.createNativeQuery("insert into early_status_report (twilio_sid, status, error_code, received_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, messageSid)
                        .setParameter(2, twilioStatus)
                        .setParameter(3, errorCode != null && errorCode.matches("[0-9]{1,6}") ? Integer.valueOf(errorCode) : null)
                        .setParameter(4, clock.instant())
                        .executeUpdate();
            }
            LOG.debugf("Status %s for a message not (yet) known: %s", twilioStatus, messageSid);
            return;
        }
        apply(message, twilioStatus, errorCode, clock.instant());
    }

    /** Moves the message forward to the reported status; a report that would move it back changes nothing. */
    static void apply(OutboundMessage message, String twilioStatus, String errorCode, Instant now) {
        int current = PROGRESS.getOrDefault(message.status.name().toLowerCase(Locale.ROOT), 0);
        int reported = PROGRESS.get(twilioStatus);
        if (reported > current) {
            message.status = OutboundMessage.Status.valueOf(twilioStatus.equals("sent") ? "SENT"
                    : reported == 1 ? "QUEUED" : twilioStatus.toUpperCase(Locale.ROOT));
            message.updatedAt = now;
            if (reported == 3) {
                message.finalAt = now;
            }
            if (errorCode != null && errorCode.matches("[0-9]{1,6}")) {
                message.errorCode = Integer.valueOf(errorCode);
                message.lastError = "Twilio error " + errorCode;
            }
        }
    }
}
