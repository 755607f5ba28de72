package org.aguavoz.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * The phones among {@code phones} (E.164) that are protected reporters: they filed an integrity or anonymous
     * report, or have one waiting for an answer (a half-filed report in {@code conversation}, expired or not: its
     * text is already there). Native SQL because the conversation belongs to SMS intake, which tickets must not see.
     */
    public Set<String> protectedReporters(Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        List<?> found = getEntityManager().createNativeQuery("""
                        select t.reporter_phone from ticket t
                        where t.reporter_phone in (:phones) and (t.anonymous or t.category = 'INTEGRITY')
                        union
                        select c.phone from conversation c
                        where c.phone in (:phones) and (c.anonymous or c.category = 'INTEGRITY')""")
                .setParameter("phones", phones).getResultList();
        Set<String> protectedReporters = new HashSet<>();
        found.forEach(phone -> protectedReporters.add((String) phone));
        return protectedReporters;
    }

    /** A phone that reported openly from a community, and the language of its latest report there. */
    public record OpenReporter(String phone, String language) {
    }

    /**
     * The phones that reported from this community since {@code since} in a report that is neither anonymous nor an
     * integrity complaint: those a community notice may reach. A phone whose only reports there are protected is left
     * out, so that no notice can show that it was ever in touch with AguaVoz about this community; a phone that also
     * reported openly learns nothing from the notice that its open report did not already tell it.
     */
    @SuppressWarnings("unchecked")
    public List<OpenReporter> openReportersSince(org.aguavoz.communities.Community community, Instant since) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select distinct on (reporter_phone) reporter_phone, language from ticket
                        where community_id = ?1 and created_at > ?2 and reporter_phone is not null
                          and not anonymous and category <> 'INTEGRITY'
                        order by reporter_phone, created_at desc""")
                .setParameter(1, community.id).setParameter(2, since).getResultList();
        return rows.stream().map(row -> new OpenReporter((String) row[0], (String) row[1])).toList();
    }

    /** How many reports each of the incidents of {@code reports} has, by incident id: one query for a whole list. */
    Map<Long, Long> reportCounts(Collection<Ticket> reports) {
        Set<Long> incidents = reports.stream().filter(t -> t.incident != null).map(t -> t.incident.id)
                .collect(Collectors.toSet());
        if (incidents.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select t.incident.id, count(t) from Ticket t where t.incident.id in :incidents"
                        + " group by t.incident.id", Object[].class).setParameter("incidents", incidents)
                .getResultList().forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /** The reports of {@code ticket}'s incident, the first first; a report that stands alone is its own list. */
    List<Ticket> incidentReports(Ticket ticket) {
        return ticket.incident == null ? List.of(ticket) : ticket.incident.reports();
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
