package org.aguavoz.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.aguavoz.tickets.Category;

/**
 * Computes the public figures of every community in one SQL query: PostgreSQL aggregates all tickets of the period
 * at once, so the cost does not grow with a query per community, and no ticket row ever reaches Java.
 */
@ApplicationScoped
class ComputeFigures {

    /*
     * Every community appears, also one without reports (a quiet community is a figure too). A ticket counts in the
     * period it arrived in. "Acknowledged" is the committee's first answer: OK, NOTA, or straight away LISTO. Times
     * count from the arrival of the report, also for a reopened ticket: that is what the villager waited.
     */
    private static final String SQL = """
            select c.code, c.name, count(t.id),
                   %s,
                   count(t.id) filter (where t.resolve_due_at <= :now or t.resolved_at is not null),
                   count(t.id) filter (where t.resolved_at <= t.resolve_due_at),
                   round((percentile_cont(0.5) within group (order by extract(epoch from
                       coalesce(t.acknowledged_at, t.resolved_at) - t.created_at)) / 3600)::numeric, 1),
                   round((percentile_cont(0.5) within group (order by extract(epoch from
                       t.resolved_at - t.created_at)) / 3600)::numeric, 1)
            from community c
            left join ticket t on t.community_id = c.id and t.created_at > :from and t.created_at <= :now
            group by c.id, c.code, c.name
            order by length(c.code), c.code
            """.formatted(Stream.of(Category.values())
            // Enum names are constants of this code, not input: safe to write into the statement.
            .map(category -> "count(t.id) filter (where t.category = '" + category.name() + "')")
            .collect(Collectors.joining(",\n       ")));

    private final EntityManager em;
    private final Clock clock;

    ComputeFigures(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    Figures over(Period period) {
        Instant now = clock.instant();
        Instant from = period.startBefore(now);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("from", from).setParameter("now", now)
                .getResultList();
        List<CommunityFigures> communities = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            communities.add(communityFigures(row));
        }
        return new Figures(period, from, now, List.copyOf(communities));
    }

    private static CommunityFigures communityFigures(Object[] row) {
        Category[] categories = Category.values();
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        for (int i = 0; i < categories.length; i++) {
            byCategory.put(categories[i], count(row[3 + i]));
        }
        int next = 3 + categories.length;
        return new CommunityFigures((String) row[0], (String) row[1], count(row[2]), byCategory,
                count(row[next]), count(row[next + 1]), (BigDecimal) row[next + 2], (BigDecimal) row[next + 3]);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
