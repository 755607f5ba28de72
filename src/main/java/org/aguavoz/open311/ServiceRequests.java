package org.aguavoz.open311;

import java.util.List;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.Tickets;

/** The tickets an Open311 query asks for, newest first, at most {@link RequestQuery#MAX_RESULTS}. */
@ApplicationScoped
class ServiceRequests {

    private final Tickets tickets;

    ServiceRequests(Tickets tickets) {
        this.tickets = tickets;
    }

    List<Ticket> find(RequestQuery query) {
        // The incident in the same query: a list of 1000 requests must not cost a query per incident.
        StringBuilder hql = new StringBuilder("from Ticket t join fetch t.community c left join fetch t.incident where ");
        Parameters parameters = new Parameters();
        if (query.byReference()) {
            hql.append("t.reference in (:references)");
            parameters.and("references", query.references());
        } else {
            hql.append("t.createdAt >= :from and t.createdAt < :until");
            parameters.and("from", query.from()).and("until", query.until());
            if (!query.categories().isEmpty()) {
                hql.append(" and t.category in (:categories)");
                parameters.and("categories", query.categories());
            }
            if (!query.statuses().isEmpty()) {
                hql.append(" and t.status in (:statuses)");
                parameters.and("statuses", query.statuses());
            }
        }
        hql.append(" order by t.createdAt desc, t.id desc");
        return tickets.find(hql.toString(), parameters).range(0, RequestQuery.MAX_RESULTS - 1).list();
    }
}
