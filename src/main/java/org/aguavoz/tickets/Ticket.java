package org.aguavoz.tickets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.aguavoz.communities.Community;

/**
 * One report and its timeline. Every change of status goes through a method here, which writes the event
 * that explains it: the timeline is the ticket's history, not a log next to it.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String reference;

    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public TicketStatus status = TicketStatus.OPEN;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** E.164; null when the report came without a number (dashboard, API). */
    @Column(name = "reporter_phone")
    public String reporterPhone;

    /** The reporter asked that nobody but the agency's administrators see their number. */
    public boolean anonymous;

    /** Language of the reporter's replies (es, en, …). */
    public String language = "es";

    /** The reporter's own words. */
    public String description;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "acknowledge_due_at")
    public Instant acknowledgeDueAt;

    @Column(name = "resolve_due_at")
    public Instant resolveDueAt;

    /** Half the time to resolve: the committee is reminded then if nothing has moved. */
    @Column(name = "resolve_reminder_at")
    public Instant resolveReminderAt;

    /** The next moment a deadline step may be due; null when none will be. See deadlines.CheckDeadlines. */
    @Column(name = "deadline_check_at")
    public Instant deadlineCheckAt;

    /** When the ticket was escalated (a missed deadline, a reporter's NO); cleared by reopening. */
    @Column(name = "late_since")
    public Instant lateSince;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** A report by phone: the caller's recording, kept by Twilio (see TicketRecordingResource). */
    @Column(name = "recording_sid")
    public String recordingSid;

    @Column(name = "recording_url")
    public String recordingUrl;

    @Column(name = "recording_seconds")
    public Integer recordingSeconds;

    /** A duplicate closed into another ticket (the same outage reported twice). */
    @ManyToOne
    @JoinColumn(name = "merged_into_id")
    public Ticket mergedInto;

    @Version
    public long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    public List<TicketEvent> events = new ArrayList<>();

    public void acknowledge(Actor actor, Instant at) {
        requireStatus("acknowledge", Set.of(TicketStatus.OPEN));
        acknowledgedAt = at;
        changeStatus(TicketEvent.Type.ACKNOWLEDGED, TicketStatus.ACKNOWLEDGED, actor, at, null);
    }

    /** Progress: a note on an unfinished ticket also means someone is working on it. */
    public void addNote(Actor actor, Instant at, String note) {
        requireStatus("add a note to", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
        changeStatus(TicketEvent.Type.NOTE, TicketStatus.IN_PROGRESS, actor, at, note);
    }

    public void resolve(Actor actor, Instant at, String note) {
        requireStatus("resolve", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
        resolvedAt = at;
        deadlineCheckAt = null;
        changeStatus(TicketEvent.Type.RESOLVED, TicketStatus.RESOLVED, actor, at, note);
    }

    public void close(Actor actor, Instant at, String note) {
        requireStatus("close", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
                TicketStatus.RESOLVED));
        closedAt = at;
        deadlineCheckAt = null;
        changeStatus(TicketEvent.Type.CLOSED, TicketStatus.CLOSED, actor, at, note);
    }

    /** Back to open with fresh deadlines, counted from now: the committee gets a new chance, not an old late one. */
    public void reopen(Actor actor, Instant at, String note, CategoryDeadlines deadlines) {
        requireStatus("reopen", Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
        acknowledgedAt = null;
        resolvedAt = null;
        closedAt = null;
        setDueTimes(at, deadlines);
        changeStatus(TicketEvent.Type.REOPENED, TicketStatus.OPEN, actor, at, note);
    }

    /** The agency must look at this ticket now (a reporter said it is not fixed, a deadline passed): it is late. */
    public void escalate(Actor actor, Instant at, String note) {
        if (lateSince == null) {
            lateSince = at;
        }
        record(TicketEvent.Type.ESCALATED, actor, at, note);
    }

    /** Another committee must act (the reporter named the wrong community, or the agency decides so). */
    public void reassign(Actor actor, Instant at, Community to, String note) {
        requireStatus("reassign", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
        String from = community.code + " " + community.name;
        community = to;
        record(TicketEvent.Type.REASSIGNED, actor, at, from + " → " + to.code + " " + to.name
                + (note == null ? "" : ": " + note));
    }

    /**
     * This ticket reports the same problem as {@code survivor}: it is closed, points at it, and both timelines say
     * so. Its reporter follows the survivor from then on.
     */
    public void mergeInto(Ticket survivor, Actor actor, Instant at) {
        if (survivor == this || survivor.mergedInto != null || !survivor.isUnfinished()) {
            throw new TicketTransitionRefused(reference, "merge into " + survivor.reference, survivor.status);
        }
        requireStatus("merge", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS));
        mergedInto = survivor;
        closedAt = at;
        deadlineCheckAt = null;
        changeStatus(TicketEvent.Type.MERGED, TicketStatus.CLOSED, actor, at, "→ " + survivor.reference);
        survivor.record(TicketEvent.Type.MERGED, actor, at, "← " + reference);
    }

    /** A reminder went to whoever must act. */
    public void remind(Instant at, String note) {
        record(TicketEvent.Type.REMINDED, Actor.system(), at, note);
    }

    public boolean isUnfinished() {
        return status == TicketStatus.OPEN || status == TicketStatus.ACKNOWLEDGED || status == TicketStatus.IN_PROGRESS;
    }

    /**
     * Escalated, or past the deadline it is working towards (acknowledge while open, resolve after that), even if
     * the deadline job has not come round yet. The same rule as Tickets.search(late).
     */
    public boolean isLate(Instant now) {
        if (!isUnfinished()) {
            return false;
        }
        return lateSince != null || !resolveDueAt.isAfter(now)
                || (status == TicketStatus.OPEN && !acknowledgeDueAt.isAfter(now));
    }

    void setDueTimes(Instant from, CategoryDeadlines deadlines) {
        acknowledgeDueAt = from.plus(deadlines.acknowledgeWithin);
        resolveDueAt = from.plus(deadlines.resolveWithin);
        resolveReminderAt = from.plus(deadlines.resolveWithin.dividedBy(2));
        deadlineCheckAt = acknowledgeDueAt.isBefore(resolveReminderAt) ? acknowledgeDueAt : resolveReminderAt;
        lateSince = null;
    }

    void record(TicketEvent.Type type, Actor actor, Instant at, String note) {
        TicketEvent event = new TicketEvent();
        event.ticket = this;
        event.type = type;
        event.actorType = actor.type();
        event.actorName = actor.name();
        event.channel = actor.channel();
        event.occurredAt = at;
        event.fromStatus = status;
        event.toStatus = status;
        event.note = note;
        events.add(event);
        updatedAt = at;
    }

    private void changeStatus(TicketEvent.Type type, TicketStatus to, Actor actor, Instant at, String note) {
        TicketStatus from = status;
        record(type, actor, at, note);
        TicketEvent event = events.get(events.size() - 1);
        event.fromStatus = from;
        event.toStatus = to;
        status = to;
    }

    private void requireStatus(String action, Set<TicketStatus> allowed) {
        if (!allowed.contains(status)) {
            throw new TicketTransitionRefused(reference, action, status);
        }
    }
}
