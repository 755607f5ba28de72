package org.aguavoz.intake.sms;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An SMS as it reached us, stored before anything else is done with it. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_sid")
    public String messageSid;

    @Column(name = "account_sid")
    public String accountSid;

    @Column(name = "from_phone")
    public String fromPhone;

    @Column(name = "to_phone")
    public String toPhone;

    public String body;

    @Column(name = "num_media")
    public int numMedia;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "processing_error")
    public String processingError;

    /** What we answered; null when the answer was silence. A repeated delivery gets the same. */
    @Column(name = "reply_body")
    public String replyBody;

    public int attempts;

    /**
     * TWIML or OUTBOX: how {@link #replyBody} reached the sender. Set to OUTBOX already when the message is stored
     * during a flood: its answer will follow by SMS, whichever delivery of the webhook comes next.
     */
    @Column(name = "reply_channel")
    public String replyChannel;

    /** The staff user who typed it in the phone simulator; null when it came through Twilio. */
    @Column(name = "simulated_by")
    public String simulatedBy;

    public boolean isProcessed() {
        return processedAt != null;
    }
}
