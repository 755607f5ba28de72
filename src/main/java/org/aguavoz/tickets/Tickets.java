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

    /** The unfinished tickets of these communities that are a committee's to act on (never integrity complaints). */
    public List<Ticket> committeesOpenTickets(List<org.aguavoz.communities.Community> communities) {
        return list("community in ?1 and category <> ?2 and status in ?3 order by createdAt", communities,
                Category.INTEGRITY, List.copyOf(TicketStatus.UNFINISHED));
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
            query.append(late ? " and " : " and not ").append(Lateness.LATE);
            parameters.and("unfinished", List.copyOf(TicketStatus.UNFINISHED)).and("now", now)
                    .and("open", TicketStatus.OPEN);
        }
        query.append(" order by t.createdAt desc, t.id desc");
        return find(query.toString(), parameters).range(offset, offset + limit - 1).list();
    }
}
