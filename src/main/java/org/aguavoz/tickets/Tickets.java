package org.aguavoz.tickets;

import java.time.Instant;
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

    /** Filters that are null are not applied. Newest first. {@code late} follows Ticket.isLate at {@code now}. */
    public List<Ticket> search(TicketStatus status, String communityCode, Category category, Boolean late,
            Instant now, int offset, int limit) {
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
        if (late != null) {
            query.append(late ? " and " : " and not ").append("""
                    (t.status in (:unfinished) and (t.lateSince is not null or t.resolveDueAt <= :now
                        or (t.status = :open and t.acknowledgeDueAt <= :now)))""");
            parameters.and("unfinished", List.of(TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED, TicketStatus.IN_PROGRESS))
                    .and("now", now).and("open", TicketStatus.OPEN);
        }
        query.append(" order by t.createdAt desc, t.id desc");
        return find(query.toString(), parameters).range(offset, offset + limit - 1).list();
    }
}
