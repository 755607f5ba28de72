package org.aguavoz.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.aguavoz.intake.TwilioForm;

/**
 * Twilio's delivery reports for what we sent (signed, checked by TwilioSignatureFilter). They may come twice or
 * out of order ("sent" after "delivered"): a status only ever moves forward, so replays change nothing.
 */
@Path("/twilio/sms/status")
public class SmsStatusCallbackResource {

    private static final Logger LOG = Logger.getLogger(SmsStatusCallbackResource.class);

    /** How far along each Twilio status is; a callback that would move a message back is ignored. */
    private static final Map<String, Integer> PROGRESS = Map.of(
            "accepted", 1, "scheduled", 1, "queued", 1, "sending", 1,
            "sent", 2,
            "delivered", 3, "undelivered", 3, "failed", 3);

    private final EntityManager em;
    private final Clock clock;

    SmsStatusCallbackResource(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response report(byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        String messageSid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        String errorCode = params.get("ErrorCode");
        if (messageSid == null || status == null || !PROGRESS.containsKey(status.toLowerCase(Locale.ROOT))) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
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
            return Response.noContent().build();
        }
        apply(message, twilioStatus, errorCode, clock.instant());
        return Response.noContent().build();
    }

    /** Moves the message forward to the reported status; a report that would move it back changes nothing. */
    static void apply(OutboundMessage message, String twilioStatus, String errorCode, java.time.Instant now) {
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
