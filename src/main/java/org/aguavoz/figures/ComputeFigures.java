package org.aguavoz.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Lateness;

/**
 * Computes the public figures of every community in two queries, whatever the number of communities: PostgreSQL
 * aggregates all tickets of the period at once, and no ticket row ever reaches Java, only counts and medians.
 * <p>
 * Reports are counted one by one; everything about deadlines is counted per incident (a report that stands alone is
 * an incident of one report). Thirty villagers reporting one broken pump are thirty reports and one problem: the
 * committee answered once and fixed it once, so it is one answer on time or late, not thirty. Per report, a report
 * that joined an incident already acknowledged would even show a negative time to acknowledge (it takes the
 * incident's state).
 */
@ApplicationScoped
class ComputeFigures {

    /*
     * Every community appears, also one without reports (a quiet community is a figure too). A report counts in the
     * period it arrived in; an incident counts once, in the period its first report arrived in (one that began
     * before the period is left out, although its later reports count as reports). An incident is answered at the committee's first
     * answer to any of its reports (OK, NOTA, or straight away LISTO); it is resolved when all its reports are, at
     * the last resolution (one NO reopens it until the next LISTO); its resolve deadline is the latest one (a reopened
     * incident works towards fresh deadlines). Times count from its first report: that is what the first villager
     * waited. For a lone report these are exactly that report's own times.
     */
    private static final String SQL = """
            with report as (
                select t.community_id, t.category, coalesce(t.incident_id, -t.id) as incident_key, t.created_at,
                       t.acknowledged_at, t.resolved_at, t.resolve_due_at
                from ticket t
                where t.created_at > :from and t.created_at <= :now
            ), per_incident as (
                select r.community_id, min(r.created_at) as arrived_at,
                       min(coalesce(r.acknowledged_at, r.resolved_at)) as answered_at,
                       case when bool_and(r.resolved_at is not null) then max(r.resolved_at) end as resolved_at,
                       max(r.resolve_due_at) as resolve_due_at
                from report r
                where r.incident_key < 0 or not exists
                    (select 1 from ticket e where e.incident_id = r.incident_key and e.created_at <= :from)
                group by r.community_id, r.incident_key
            ), report_counts as (
                select community_id, count(*) as reports,
                       %s
                from report
                group by community_id
            ), incident_counts as (
                select community_id, count(*) as incidents,
                       count(*) filter (where resolve_due_at <= :now or resolved_at is not null) as due_or_resolved,
                       count(*) filter (where resolved_at <= resolve_due_at) as resolved_in_time,
                       round((percentile_cont(0.5) within group (order by extract(epoch from
                           answered_at - arrived_at)) / 3600)::numeric, 1) as acknowledge_hours,
                       round((percentile_cont(0.5) within group (order by extract(epoch from
                           resolved_at - arrived_at)) / 3600)::numeric, 1) as resolve_hours
                from per_incident
                group by community_id
            )
            select c.id, c.code, c.name, coalesce(r.reports, 0),
                   %s,
                   coalesce(i.incidents, 0), coalesce(i.due_or_resolved, 0), coalesce(i.resolved_in_time, 0),
                   i.acknowledge_hours, i.resolve_hours
            from community c
            left join report_counts r on r.community_id = c.id
            left join incident_counts i on i.community_id = c.id
            order by length(c.code), c.code
            """.formatted(
            // Enum names are constants of this code, not input: safe to write into the statement.
            Stream.of(Category.values()).map(category -> "count(*) filter (where category = '" + category.name()
                    + "') as " + category.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",\n       ")),
            Stream.of(Category.values()).map(category -> "coalesce(r." + category.name().toLowerCase(Locale.ROOT) + ", 0)")
                    .collect(Collectors.joining(", ")));

    /**
     * Incidents of the period late now, by the one definition of lateness ({@link Lateness}, also the API's and the
     * dashboard's). The unfinished reports of an incident share one state, so one late report is a late incident;
     * counted once however many reports it has.
     */
    private static final String LATE = """
            select t.community.id, count(distinct coalesce(t.incident.id, -t.id)) from Ticket t
            where t.createdAt > :from and t.createdAt <= :now and %s
              and not exists (select 1 from Ticket e where e.incident = t.incident and e.createdAt <= :from)
            group by t.community.id""".formatted(Lateness.LATE);

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
        Map<Long, Long> late = new HashMap<>();
        Lateness.bind(em.createQuery(LATE, Object[].class), now).setParameter("from", from).getResultList()
                .forEach(row -> late.put(count(row[0]), count(row[1])));
        List<CommunityFigures> communities = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            communities.add(communityFigures(row, late.getOrDefault(count(row[0]), 0L)));
        }
        return new Figures(period, from, now, List.copyOf(communities));
    }

    private static CommunityFigures communityFigures(Object[] row, long late) {
        Category[] categories = Category.values();
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        for (int i = 0; i < categories.length; i++) {
            byCategory.put(categories[i], count(row[4 + i]));
        }
        int next = 4 + categories.length;
        return new CommunityFigures((String) row[1], (String) row[2], count(row[3]), byCategory, count(row[next]),
                count(row[next + 1]), count(row[next + 2]), late, (BigDecimal) row[next + 3],
                (BigDecimal) row[next + 4]);
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
