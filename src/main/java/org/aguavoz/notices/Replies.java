package org.aguavoz.notices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.phones.PhoneNumber;

/**
 * Answers to a person who just texted or called that cannot travel in the webhook's answer: an SMS answered late
 * (after a flood, or a retry), and the "report by text" SMS to a caller whose call could not take the report.
 * Replies are never held by quiet hours (the person is waiting), and pass the outbox's gate like every SMS.
 */
@ApplicationScoped
public class Replies {

    private final Outbox outbox;

    Replies(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void bySms(PhoneNumber to, String text, Long ticketId) {
        outbox.enqueue(to, text, ticketId, Timing.REPLY);
    }

    /** At most one a day per phone (the gate's rule): caller IDs are easy to fake, and each SMS costs the agency. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void howToReportByText(PhoneNumber caller, String language) {
        outbox.enqueue(caller, SmsBundles.texts(language).voiceTextInstead(), null, Timing.REPLY,
                OutboundMessage.Purpose.HOW_TO_TEXT);
    }
}
