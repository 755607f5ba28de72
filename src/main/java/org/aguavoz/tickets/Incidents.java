package org.aguavoz.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.aguavoz.communities.Community;

/**
 * Which incident a report belongs to: the one rule for grouping, used by every channel a report comes by (SMS,
 * call, simulator, dashboard, API) because they all open tickets through {@link OpenTicket}.
 */
@ApplicationScoped
public class Incidents {

    /** Keeps this class's advisory locks apart from any other use of PostgreSQL's advisory locks. */
    private static final int LOCK_SPACE = 16_000;

    private final EntityManager em;
    private final CommunityNotices notices;

    Incidents(EntityManager em, CommunityNotices notices) {
        this.em = em;
        this.notices = notices;
    }

    public Optional<Incident> byReference(String reference) {
        return Incident.find("reference", reference).firstResultOptional();
    }

    /**
     * The new report joins the open incident of its community and category that was opened or last joined less than
     * the category's window ago, or opens a new one; a category without a window (and integrity, always) groups
     * nothing. While a notice of its community and category is active, the report joins the notice's incident
     * whatever the window (see {@link #placeUnderNotice}). Two reports arriving at the same moment on two instances
     * must not open two incidents: the choice is made under a transaction-scoped advisory lock on the community and
     * category.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void place(Ticket report, CategoryDeadlines category, Actor actor, Instant at) {
        if (report.category == Category.INTEGRITY) {
            return;
        }
        lock(report.community, report.category);
        Optional<CommunityNotice> notice = notices.activeFor(report.community, report.category, at);
        if (notice.isPresent()) {
            placeUnderNotice(report, notice.get(), actor, at);
            return;
        }
        Duration window = category.groupWithin;
        if (window == null) {
            return;
        }
        // The row lock too: the update job (TellIncidentUpdates) resets the count of an incident it has locked, and
        // must not do so between this join's read and its write (nor this join fail on the job's newer version).
        Optional<Incident> open = Incident.<Incident>find(
                        "community = ?1 and category = ?2 and lastJoinedAt > ?3 order by lastJoinedAt desc",
                        report.community, report.category, at.minus(window))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .stream().filter(Incident::isOpen).findFirst();
        if (open.isEmpty()) {
            open(report, at);
            return;
        }
        Incident incident = open.get();
        report.join(incident, incident.lead().orElseThrow(), actor, at, TicketEvent.Type.JOINED,
                "→ " + incident.reference);
        incident.lastJoinedAt = at;
        incident.joinedSinceTold++;
    }

    /**
     * Under an active notice the committee (or the agency) has already said what it knows and until when: the report
     * joins the notice's incident, or the open one of its community and category, or, when there is none yet (the
     * notice was sent before anyone reported), opens it, and every active notice of the category waiting for a report
     * takes it. An incident is always known by a report's reference, so a notice alone never opens one. Nobody is
     * told of such a report, and the committee's next update does not count it either.
     */
    private void placeUnderNotice(Ticket report, CommunityNotice notice, Actor actor, Instant at) {
        Incident incident = notice.incident != null ? notice.incident
                : latestOpen(report.community, report.category).orElse(null);
        if (incident == null) {
            incident = open(report, at);
        } else {
            em.lock(incident, LockModeType.PESSIMISTIC_WRITE); // as in place(): the update job writes this row too
            report.join(incident, incident.lead().orElseThrow(), actor, at, TicketEvent.Type.JOINED,
                    "→ " + incident.reference);
            incident.lastJoinedAt = at;
        }
        notices.attachWaiting(report.community, report.category, incident, at);
    }

    /**
     * The incident a new notice of this category attaches to: the latest open one of the community and category,
     * however long ago it was last joined; empty when there is none (the first report under the notice will open
     * it) or the notice names no category.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Incident> forNotice(Community community, Category category) {
        if (category == null || category == Category.INTEGRITY) {
            return Optional.empty();
        }
        lock(community, category);
        return latestOpen(community, category);
    }

    private Optional<Incident> latestOpen(Community community, Category category) {
        return Incident.<Incident>find("""
                        from Incident i where i.community = ?1 and i.category = ?2
                        and exists (from Ticket t where t.incident = i and t.status in ?3)
                        order by i.lastJoinedAt desc""", community, category, List.copyOf(TicketStatus.UNFINISHED))
                .firstResultOptional();
    }

    /** A report becomes the first of a new incident, which is known by its reference; its committee is told now. */
    Incident open(Ticket first, Instant at) {
        Incident incident = new Incident();
        incident.reference = first.reference;
        incident.community = first.community;
        incident.category = first.category;
        incident.openedAt = at;
        incident.lastJoinedAt = at;
        incident.toldAt = at;
        incident.persist();
        first.incident = incident;
        return incident;
    }

    /** The incidents whose joins nobody has been told of for {@code every}; locked, skipping those another has. */
    @SuppressWarnings("unchecked")
    public List<Incident> untoldSince(Instant before, int limit) {
        List<Number> ids = em.createNativeQuery("""
                        select id from incident where joined_since_told > 0 and told_at <= ?1
                        order by told_at limit ?2 for update skip locked""")
                .setParameter(1, before).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> em.find(Incident.class, id.longValue())).toList();
    }

    private void lock(Community community, Category category) {
        em.createNativeQuery("select pg_advisory_xact_lock(cast(?1 as integer), ?2)")
                .setParameter(1, community.id)
                .setParameter(2, LOCK_SPACE + category.ordinal())
                .getResultList();
    }
}
