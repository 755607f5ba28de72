package org.aguavoz.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.aguavoz.TestCommunities;
import org.aguavoz.deadlines.CheckDeadlines;
import org.junit.jupiter.api.Test;

/**
 * How long the deadline job's "what is due" query takes with 100,000 tickets in the database, and its plan: most
 * tickets finished (no step ahead), some waiting for a later step, some due now. Not part of the test suite (its
 * name does not end in Test); run it with {@code ./mvnw -B test -Dtest=DueTicketsQueryBenchmark}
 * ({@code -Dbench.tickets=100000 -Dbench.due=1000}).
 */
@QuarkusTest
class DueTicketsQueryBenchmark {

    /** The job's query, exactly as CheckDeadlines runs it. */
    static final String DUE = """
            select id from ticket where deadline_check_at <= now()
            order by deadline_check_at limit 100 for update skip locked""";

    /** GET /api/v1/tickets?late=true, as Hibernate sends it (first page). */
    static final String LATE = """
            select t.id from ticket t join community c on c.id = t.community_id
            where t.status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and (t.late_since is not null
               or t.resolve_due_at <= now() or (t.status = 'OPEN' and t.acknowledge_due_at <= now()))
            order by t.created_at desc, t.id desc limit 100""";

    @Inject
    EntityManager em;

    @Inject
    CheckDeadlines checkDeadlines;

    @Test
    void dueTicketsWithAHundredThousandInTheDatabase() {
        int tickets = Integer.getInteger("bench.tickets", 100_000);
        int due = Integer.getInteger("bench.due", 1_000);
        int waiting = tickets / 20;
        String code = TestCommunities.create("Benchmark");
        long started = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into ticket_reference (reference) select n::text from generate_series(?1, ?2) n")
                    .setParameter(1, 800_000).setParameter(2, 800_000 + tickets - 1).executeUpdate();
            // n < due: due now; n < due + waiting: a step ahead (1 h to 30 days); the rest finished long ago.
            em.createNativeQuery("""
                            insert into ticket (reference, community_id, category, status, channel, created_at,
                                acknowledge_due_at, resolve_reminder_at, resolve_due_at, deadline_check_at, closed_at)
                            select (800000 + n)::text, (select id from community where code = ?1), 'OUTAGE',
                                case when n < ?2 + ?3 then 'OPEN' else 'CLOSED' end, 'SMS', at, at + interval '12 hours',
                                at + interval '36 hours', at + interval '72 hours',
                                case when n < ?2 + ?3 then at + interval '12 hours' end,
                                case when n >= ?2 + ?3 then at + interval '4 days' end
                            from (select n, case when n < ?2 then now() - interval '13 hours' - n * interval '1 second'
                                                 when n < ?2 + ?3 then now() - interval '11 hours' + (n % 720) * interval '1 hour'
                                                 else now() - interval '400 days' + (n % 390) * interval '1 day' end as at
                                  from generate_series(0, ?4 - 1) n) t""")
                    .setParameter(1, code).setParameter(2, due).setParameter(3, waiting).setParameter(4, tickets)
                    .executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze ticket").executeUpdate());
        System.out.printf("DueTicketsQueryBenchmark: %d tickets (%d due, %d waiting for a later step) written in %.1f s%n",
                count("select count(*) from ticket"), due, waiting, (System.nanoTime() - started) / 1e9);

        for (String[] query : new String[][] {{"due (CheckDeadlines)", DUE}, {"late=true (API)", LATE}}) {
            System.out.printf("DueTicketsQueryBenchmark: plan of the %s query:%n%s%n", query[0], plan(query[1]));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                millis.add(QuarkusTransaction.requiringNew().call(() -> {
                    long start = System.nanoTime();
                    em.createNativeQuery(query[1]).getResultList();
                    return (System.nanoTime() - start) / 1e6;
                }));
            }
            Collections.sort(millis);
            System.out.printf("DueTicketsQueryBenchmark: %s query, 300 runs after warm-up: median %.2f ms, p99 %.2f ms%n",
                    query[0], millis.get(150), millis.get(296));
        }

        started = System.nanoTime();
        int steps = checkDeadlines.check();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("DueTicketsQueryBenchmark: the job handled %d due tickets in %.2f s (%.0f tickets/s)%n",
                steps, seconds, steps / seconds);
    }

    private String plan(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> lines = em.createNativeQuery("explain (analyze, buffers) " + query).getResultList();
            return String.join("\n", lines);
        });
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }
}
