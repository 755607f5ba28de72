package org.aguavoz.tickets;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
import jakarta.persistence.Version;
import org.aguavoz.communities.Community;

/**
 * One problem reported by several people: the pump of Los Ángeles broke and thirty villagers texted. Each report
 * keeps its own reference, reporter and timeline; the incident is what the committee is told of and answers to,
 * by the first report's reference.
 * <p>
 * The rule that keeps it one conversation: the unfinished reports of an incident always share one state (status,
 * deadlines counted from the first report, lateness). A report that joins takes that state; a change to one of
 * them is applied to all of them ({@link ChangeTicket}); only the earliest carries the deadline checks, so reminders
 * and escalations happen once per incident. Finished reports wait on their own for their reporter's SI or NO.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The first report's reference: the committee is told this one and answers with it. */
    public String reference;

    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "opened_at")
    public Instant openedAt;

    /** The window a new report must come within counts from here. */
    @Column(name = "last_joined_at")
    public Instant lastJoinedAt;

    /** When whoever the routing names last heard of this incident (its opening, or an update). */
    @Column(name = "told_at")
    public Instant toldAt;

    /** Reports that joined since {@link #toldAt}: the next update says how many. */
    @Column(name = "joined_since_told")
    public int joinedSinceTold;

    @Version
    public long version;

    /** Every report of the incident, the first first. */
    public List<Ticket> reports() {
        return Ticket.list("incident = ?1 order by createdAt, id", this);
    }

    public long reportCount() {
        return Ticket.count("incident", this);
    }

    /** The unfinished reports, which share one state; empty when every report is resolved or closed. */
    public List<Ticket> unfinishedReports() {
        return Ticket.list("incident = ?1 and status in ?2 order by createdAt, id", this,
                List.copyOf(TicketStatus.UNFINISHED));
    }

    /**
     * The report whose state the others share: the earliest unfinished one. One row, not the list: every new report
     * of an incident asks for its lead, and an incident may gather thousands of reports in a flood: loading them all
     * made each join cost as much as the incident was large (SmsWebhookBenchmark, whose reports gather in a few
     * incidents: 6,735 of a flood of 32,195 still unanswered 611 s after it).
     */
    public Optional<Ticket> lead() {
        return Ticket.<Ticket>find("incident = ?1 and status in ?2 order by createdAt, id", this,
                List.copyOf(TicketStatus.UNFINISHED)).firstResultOptional();
    }

    public boolean isOpen() {
        return Ticket.count("incident = ?1 and status in ?2", this, List.copyOf(TicketStatus.UNFINISHED)) > 0;
    }

    /**
     * After any change to the incident's reports: exactly the earliest unfinished report carries the deadline
     * checks (so the deadline job steps once per incident), the others none. A report that takes over (its lead was
     * taken out) looks at the next step still ahead, so a step that already happened is not repeated.
     */
    void keepDeadlinesOnLead(Instant now) {
        List<Ticket> unfinished = unfinishedReports();
        if (unfinished.isEmpty()) {
            return;
        }
        Ticket lead = unfinished.get(0);
        Instant carried = unfinished.stream().map(t -> t.deadlineCheckAt).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        unfinished.forEach(t -> t.deadlineCheckAt = null);
        lead.deadlineCheckAt = carried != null ? carried : DeadlineStep.nextAfter(lead, now);
    }
}
