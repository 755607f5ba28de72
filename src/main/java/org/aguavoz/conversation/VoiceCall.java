package org.aguavoz.conversation;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.aguavoz.communities.Community;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;

/**
 * One call and where it stands in its flow; any instance can take the next step. {@code turn} and {@code lastTwiml}
 * are the voice intake's (the last webhook answered, and its answer): on this row so that one lock covers both.
 */
@Entity
@Table(name = "voice_call")
public class VoiceCall extends PanacheEntityBase {

    public enum Status { IN_PROGRESS, REPORTED, ENDED, ABANDONED }

    public enum Substep { CONFIRM, ENTER, READ_BACK }

    @Id
    @Column(name = "call_sid")
    public String callSid;

    @Column(name = "from_phone")
    public String fromPhone;

    public String flow;

    public String step;

    @Enumerated(EnumType.STRING)
    public Substep substep;

    /** Null until the caller chose one. */
    public String language;

    @ManyToOne
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(name = "pending_code")
    public String pendingCode;

    @Enumerated(EnumType.STRING)
    public Category category;

    public boolean anonymous;

    public int misses;

    @Column(name = "recording_sid")
    public String recordingSid;

    @Column(name = "recording_url")
    public String recordingUrl;

    @Column(name = "recording_seconds")
    public Integer recordingSeconds;

    @ManyToOne
    @JoinColumn(name = "ticket_id")
    public Ticket ticket;

    public int turn;

    @Column(name = "last_twiml")
    public String lastTwiml = "";

    @Enumerated(EnumType.STRING)
    public Status status = Status.IN_PROGRESS;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
