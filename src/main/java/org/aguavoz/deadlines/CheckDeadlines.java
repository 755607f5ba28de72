package org.aguavoz.deadlines;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.ChangeTicket;
import org.aguavoz.tickets.DeadlineStep;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketAction;

/**
 * Makes unfinished tickets louder as their deadlines pass: each step goes through the ticket lifecycle, whose
 * notices remind whoever must act and tell the agency's on-duty staff of escalations. Every instance runs it; they share the work through {@code FOR UPDATE SKIP LOCKED} on
 * the due tickets, and the primary key of {@code deadline_notice} makes each step happen once per ticket and
 * deadline, however often the job fires.
 */
@io.quarkus.runtime.Startup // its counters exist from the first scrape, before the job has fired
@ApplicationScoped
public class CheckDeadlines {

    /** pid@host, recorded with each step. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final EntityManager em;
    private final Clock clock;
    private final ChangeTicket changeTicket;
    private final DeadlinesConfig config;
    private final MeterRegistry metrics;

    CheckDeadlines(EntityManager em, Clock clock, ChangeTicket changeTicket, DeadlinesConfig config,
            MeterRegistry metrics) {
        this.metrics = metrics;
        // Registered now, so that alert rules find a zero rather than no series before the first step.
        for (DeadlineStep step : DeadlineStep.values()) {
            stepCounter(step);
        }
        this.em = em;
        this.clock = clock;
        this.changeTicket = changeTicket;
        this.config = config;
    }

    @Scheduled(every = "${aguavoz.deadlines.check-every:1m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        check();
    }

    /** Handles every ticket that is due now, batch by batch; returns how many reminders and escalations happened. */
    public int check() {
        int steps = 0;
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::checkBatch);
            steps += batch.steps();
            if (batch.tickets() < config.batchSize()) {
                return steps;
            }
        }
    }

    private record Batch(int tickets, int steps) {
    }

    @SuppressWarnings("unchecked")
    private Batch checkBatch() {
        Instant now = clock.instant();
        // The partial index ticket_deadline_check holds only tickets with a step ahead: this stays fast with
        // hundreds of thousands of finished tickets (README, "Deadlines").
        List<Number> ids = em.createNativeQuery("""
                        select id from ticket where deadline_check_at <= ?1
                        order by deadline_check_at limit ?2 for update skip locked""")
                .setParameter(1, now)
                .setParameter(2, config.batchSize())
                .getResultList();
        int steps = 0;
        for (Number id : ids) {
            if (handle(em.find(Ticket.class, id.longValue()), now)) {
                steps++;
            }
        }
        return new Batch(ids.size(), steps);
    }

    /**
     * Acts on the latest step that is due and still applies, and moves the ticket's next check to the step after.
     * A job that comes back after hours away sends the one message that matters now, not the whole ladder.
     */
    private boolean handle(Ticket ticket, Instant now) {
        DeadlineStep latest = null;
        Instant next = null;
        if (ticket.isUnfinished()) {
            for (DeadlineStep step : DeadlineStep.values()) {
                if (!step.appliesTo(ticket)) {
                    continue;
                }
                Instant due = step.dueAt(ticket);
                if (due.isAfter(now)) {
                    next = next == null || due.isBefore(next) ? due : next;
                } else if (latest == null || due.isAfter(latest.dueAt(ticket))
                        || (due.equals(latest.dueAt(ticket)) && step.escalates())) {
                    latest = step;
                }
            }
        }
        ticket.deadlineCheckAt = next;
        if (latest == null || !claim(ticket, latest, now)) {
            return false;
        }
        act(ticket, latest);
        return true;
    }

    /** True for the one caller that records this step of this deadline; false if it already happened. */
    private boolean claim(Ticket ticket, DeadlineStep step, Instant now) {
        return em.createNativeQuery("""
                        insert into deadline_notice (ticket_id, step, due_at, notified_at, instance)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, ticket.id)
                .setParameter(2, step.name())
                .setParameter(3, step.dueAt(ticket))
                .setParameter(4, now)
                .setParameter(5, INSTANCE)
                .executeUpdate() == 1;
    }

    private void act(Ticket ticket, DeadlineStep step) {
        changeTicket.apply(ticket, TicketAction.deadlinePassed(step), Actor.system());
        // On /q/metrics as aguavoz_deadline_steps_total{step="resolve"}: an agency can alert on escalations.
        stepCounter(step).increment();
    }

    private io.micrometer.core.instrument.Counter stepCounter(DeadlineStep step) {
        return metrics.counter("aguavoz.deadline.steps", "step", step.name().toLowerCase(java.util.Locale.ROOT));
    }
}
