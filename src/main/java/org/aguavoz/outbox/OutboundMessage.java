package org.aguavoz.outbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SMS to send: written in the transaction of the change that caused it, sent after commit. */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage extends PanacheEntityBase {

    public enum Status { PENDING, SENDING, QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED, NOT_SENT }

    /** When the message may go out, given the agency's quiet hours. */
    public enum Timing {
        /** Answers a message the person just sent: they are waiting for it, so it is never held. */
        REPLY,
        /** Everything else (new tickets, reminders, news of a ticket): waits for the end of quiet hours. */
        NOTICE,
        /** Goes out at any hour: water-quality escalations to agency staff, when the agency wants them so. */
        URGENT
    }

    /** What an SMS is for, when a rule depends on it. */
    public enum Purpose {
        /** Anything that a rule does not single out. */
        ANY,
        /** A caller whose call could not take the report is told how to report by text: once a day at most. */
        HOW_TO_TEXT,
        /** One phone's copy of a notice to a whole community (counted per notice through notice_recipient). */
        COMMUNITY_NOTICE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "to_phone")
    public String toPhone;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status = Status.PENDING;

    @Enumerated(EnumType.STRING)
    public Timing timing = Timing.NOTICE;

    @Column(name = "twilio_sid")
    public String twilioSid;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    /** The number or Messaging Service it went out from. */
    public String sender;

    /** A sender holds the row until then; past it, the sender is presumed dead. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** Twilio may or may not have taken an earlier try; retried at most once. */
    @Column(name = "outcome_unknown")
    public boolean outcomeUnknown;

    /** Twilio's error code (21610, 30003…). */
    @Column(name = "error_code")
    public Integer errorCode;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "final_at")
    public Instant finalAt;

    /** Null for {@link Purpose#ANY}. */
    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
