package org.aguavoz.tickets;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One line of a ticket's timeline. The database refuses updates and deletes of these rows. */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent extends PanacheEntityBase {

    public enum Type {
        OPENED, ACKNOWLEDGED, NOTE, RESOLVED, REOPENED, CLOSED, REASSIGNED, MERGED, REMINDED, ESCALATED,
        MESSAGE_IN, MESSAGE_OUT,
        /** The report joined an incident: it arrived close to others, staff merged it, or its reporter said NO. */
        JOINED,
        /** Staff took the report out of its incident: it goes on alone. */
        SPLIT;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum ActorType {
        REPORTER, COMMITTEE_MEMBER, STAFF, SYSTEM;

        @JsonValue
        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id")
    public Ticket ticket;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public Type type;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    public ActorType actorType;

    /** A staff username or a member's name; never a phone number. */
    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public TicketStatus toStatus;

    /** A person's words: a note, the reporter's words after SI/NO, why it was closed. */
    public String note;

    /** What AguaVoz itself wrote here, if anything; shown in the reader's language (see SystemNote). */
    @Enumerated(EnumType.STRING)
    @Column(name = "system_note")
    public SystemNote systemNote;

    /** The person's note, else AguaVoz's own in that language; null when there is neither. */
    public String noteIn(String language) {
        return note != null ? note : systemNote == null ? null : systemNote.text(language);
    }
}
