package org.aguavoz.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Lateness;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;

/**
 * The rows of the open-tickets page: one per incident and one per report that stands alone, most urgent first. An
 * incident is shown by its earliest report among those the filters keep (its unfinished reports share one state, so
 * that is the incident's state), with the incident's report count. Chosen in the query, so that a page holds 50
 * rows and the next page starts where this one ended, however many people reported one broken pump.
 */
@ApplicationScoped
class OpenTicketRows {

    /** What staff filter by; an empty community or category is not applied. */
    record Filters(Set<TicketStatus> statuses, Optional<String> community, Optional<Category> category,
            boolean onlyLate) {
    }

    /** A row's report and how many reports its incident has (1 for a report alone). */
    record Found(Ticket ticket, long reports) {
    }

    private final EntityManager em;

    OpenTicketRows(EntityManager em) {
        this.em = em;
    }

    List<Found> page(Filters filters, Instant now, int offset, int limit) {
        // An incident's report stands for it when no earlier report of the same incident passes the same filters.
        // Most urgent first: late tickets, then by the deadline each is working towards.
        var query = Lateness.bind(em.createQuery("select t,"
                + " (select count(r) from Ticket r where r.incident = t.incident)"
                + " from Ticket t join fetch t.community c left join fetch t.incident"
                + " where " + where(filters, "t", "c")
                + " and (t.incident is null or not exists (select o.id from Ticket o join o.community oc"
                + " where o.incident = t.incident and " + where(filters, "o", "oc")
                + " and (o.createdAt < t.createdAt or (o.createdAt = t.createdAt and o.id < t.id))))"
                + " order by case when " + Lateness.LATE + " then 0 else 1 end, " + Lateness.WORKING_DEADLINE
                + ", t.id",
                Object[].class), now).setParameter("statuses", filters.statuses());
        filters.community().ifPresent(code -> query.setParameter("community", code));
        filters.category().ifPresent(category -> query.setParameter("category", category));
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(row -> new Found((Ticket) row[0], Math.max(1, (Long) row[1]))).toList();
    }

    private static String where(Filters filters, String ticket, String community) {
        StringBuilder where = new StringBuilder(ticket + ".status in :statuses");
        filters.community().ifPresent(code -> where.append(" and ").append(community).append(".code = :community"));
        filters.category().ifPresent(c -> where.append(" and ").append(ticket).append(".category = :category"));
        if (filters.onlyLate()) {
            where.append(" and ").append(Lateness.late(ticket));
        }
        return where.toString();
    }
}
