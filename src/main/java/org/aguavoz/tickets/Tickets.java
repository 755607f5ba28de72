package org.aguavoz.tickets;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class Tickets implements PanacheRepository<Ticket> {

    public Optional<Ticket> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    public boolean referenceTaken(String reference) {
        return count("reference", reference) > 0;
    }

    /** Filters that are null are not applied. Newest first. */
    public List<Ticket> search(TicketStatus status, String communityCode, Category category, int offset, int limit) {
        StringBuilder query = new StringBuilder("from Ticket t join fetch t.community c where 1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and t.status = :status");
            parameters.and("status", status);
        }
        if (communityCode != null) {
            query.append(" and c.code = :community");
            parameters.and("community", communityCode);
        }
        if (category != null) {
            query.append(" and t.category = :category");
            parameters.and("category", category);
        }
        query.append(" order by t.createdAt desc, t.id desc");
        return find(query.toString(), parameters).range(offset, offset + limit - 1).list();
    }
}
