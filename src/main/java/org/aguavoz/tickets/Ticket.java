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
 * that explains it: the timeline is the ticket's history, not a log next to it. The methods are package-private:
 * outside this package a ticket changes only through {@link ChangeTicket}, which also tells the rest of AguaVoz.
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

    /** Before incidents: a duplicate closed into another ticket. Kept for those tickets' history; no longer set. */
    @ManyToOne
    @JoinColumn(name = "merged_into_id")
    public Ticket mergedInto;

    /** The incident this report belongs to (with others of its community and category); null: it stands alone. */
    @ManyToOne
    @JoinColumn(name = "incident_id")
    public Incident incident;

    @Version
    public long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    public List<TicketEvent> events = new ArrayList<>();

    void acknowledge(Actor actor, Instant at) {
        requireStatus("acknowledge", Set.of(TicketStatus.OPEN));
        acknowledgedAt = at;
        changeStatus(TicketEvent.Type.ACKNOWLEDGED, TicketStatus.ACKNOWLEDGED, actor, at, null, null);
    }

    /** Progress: a note on an unfinished ticket also means someone is working on it. */
    void addNote(Actor actor, Instant at, String note) {
        requireStatus("add a note to", TicketStatus.UNFINISHED);
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
        changeStatus(TicketEvent.Type.NOTE, TicketStatus.IN_PROGRESS, actor, at, note, null);
    }

    void resolve(Actor actor, Instant at, String note) {
        requireStatus("resolve", TicketStatus.UNFINISHED);
        resolvedAt = at;
        deadlineCheckAt = null;
        changeStatus(TicketEvent.Type.RESOLVED, TicketStatus.RESOLVED, actor, at, note, null);
    }

    void close(Actor actor, Instant at, String note, SystemNote systemNote) {
        requireStatus("close", Set.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS,
                TicketStatus.RESOLVED));
        closedAt = at;
        deadlineCheckAt = null;
        changeStatus(TicketEvent.Type.CLOSED, TicketStatus.CLOSED, actor, at, note, systemNote);
    }

    /** Back to open with fresh deadlines, counted from now: the committee gets a new chance, not an old late one. */
    void reopen(Actor actor, Instant at, String note, SystemNote systemNote, CategoryDeadlines deadlines) {
        requireStatus("reopen", Set.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
        if (mergedInto != null) {
            // Its reporter follows the surviving ticket; reopening the duplicate would split the conversation again.
            throw new TicketTransitionRefused(reference, "reopen (merged into " + mergedInto.reference + ")", status);
        }
        acknowledgedAt = null;
        resolvedAt = null;
        closedAt = null;
        setDueTimes(at, deadlines);
        changeStatus(TicketEvent.Type.REOPENED, TicketStatus.OPEN, actor, at, note, systemNote);
    }

    /** The agency must look at this ticket now (a reporter said it is not fixed, a deadline passed): it is late. */
    void escalate(Actor actor, Instant at, SystemNote why) {
        if (lateSince == null) {
            lateSince = at;
        }
        record(TicketEvent.Type.ESCALATED, actor, at, null, why);
    }

    /** Another committee must act (the reporter named the wrong community, or the agency decides so). */
    void reassign(Actor actor, Instant at, Community to, String note) {
        requireStatus("reassign", TicketStatus.UNFINISHED);
        if (to.id.equals(community.id)) {
            throw new TicketTransitionRefused(reference, "reassign to its own community " + to.code, status);
        }
        String from = community.code + " " + community.name;
        community = to;
        record(TicketEvent.Type.REASSIGNED, actor, at, from + " → " + to.code + " " + to.name
                + (note == null ? "" : ": " + note), null);
    }

    /**
     * This report joins {@code incident}, taking the state its unfinished reports share ({@code lead}'s: status,
     * deadlines counted from the first report, lateness) when it is unfinished too; it never carries deadline checks
     * of its own then (see {@link Incident}). {@code lead} null: the incident has no unfinished report to follow.
     */
    void join(Incident incident, Ticket lead, Actor actor, Instant at, TicketEvent.Type type, String note) {
        this.incident = incident;
        TicketStatus from = status;
        if (lead != null && lead != this && isUnfinished()) {
            status = lead.status;
            acknowledgedAt = lead.acknowledgedAt;
            acknowledgeDueAt = lead.acknowledgeDueAt;
            resolveDueAt = lead.resolveDueAt;
            resolveReminderAt = lead.resolveReminderAt;
            lateSince = lead.lateSince;
            resolvedAt = null;
            closedAt = null;
            deadlineCheckAt = null;
        }
        TicketStatus to = status;
        status = from;
        changeStatus(type, to, actor, at, note, null);
    }

    /**
     * Staff take this report out of its incident: it goes on alone, with the deadlines of its own arrival (a step
     * already past is acted on at the deadline job's next round). The first report stays: the committee knows the
     * incident by its reference.
     */
    void split(Actor actor, Instant at, CategoryDeadlines deadlines) {
        if (incident == null || reference.equals(incident.reference)) {
            throw new TicketTransitionRefused(reference, incident == null ? "split (not in an incident)"
                    : "split (the incident's first report; take the others out instead)", status);
        }
        String from = incident.reference;
        incident = null;
        if (isUnfinished()) {
            Instant lateAlready = lateSince;
            setDueTimes(createdAt, deadlines);
            lateSince = lateAlready;
            deadlineCheckAt = at;
        }
        record(TicketEvent.Type.SPLIT, actor, at, "← " + from, null);
    }

    /** The reference the committee knows this report by: its incident's, or its own. */
    public String incidentReference() {
        return incident != null ? incident.reference : reference;
    }

    /** A deadline step came: whoever must act is reminded (see notices). */
    void remind(Instant at, SystemNote why) {
        record(TicketEvent.Type.REMINDED, Actor.system(), at, null, why);
    }

    public boolean isUnfinished() {
        return status.isUnfinished();
    }

    /** See {@link Lateness}: the one rule, shared with the queries. */
    public boolean isLate(Instant now) {
        return Lateness.isLate(this, now);
    }

    /** The deadline this ticket is working towards (acknowledge while open, resolve after that); null when finished. */
    public Instant workingDeadline() {
        return Lateness.workingDeadline(this);
    }

    void setDueTimes(Instant from, CategoryDeadlines deadlines) {
        acknowledgeDueAt = from.plus(deadlines.acknowledgeWithin);
        resolveDueAt = from.plus(deadlines.resolveWithin);
        resolveReminderAt = from.plus(deadlines.resolveWithin.dividedBy(2));
        deadlineCheckAt = acknowledgeDueAt.isBefore(resolveReminderAt) ? acknowledgeDueAt : resolveReminderAt;
        lateSince = null;
    }

    void record(TicketEvent.Type type, Actor actor, Instant at, String note, SystemNote systemNote) {
        TicketEvent event = new TicketEvent();
        event.ticket = this;
        event.type = type;
        // Played in the simulator: the timeline names the staff user who typed it, never the person played.
        event.actorType = actor.simulatedBy() != null ? TicketEvent.ActorType.STAFF : actor.type();
        event.actorName = actor.simulatedBy() != null ? actor.simulatedBy() : actor.name();
        event.channel = actor.channel();
        event.systemNote = systemNote;
        event.occurredAt = at;
        event.fromStatus = status;
        event.toStatus = status;
        event.note = note;
        events.add(event);
        updatedAt = at;
    }

    private void changeStatus(TicketEvent.Type type, TicketStatus to, Actor actor, Instant at, String note,
            SystemNote systemNote) {
        TicketStatus from = status;
        record(type, actor, at, note, systemNote);
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
