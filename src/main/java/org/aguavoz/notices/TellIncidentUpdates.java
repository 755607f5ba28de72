package org.aguavoz.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.tickets.Incident;
import org.aguavoz.tickets.Incidents;

/**
 * Tells whoever the routing names of an incident that more people reported it: "AguaVoz 4821 SIN AGUA Los Angeles:
 * 11 reportes mas". At most one update per incident every {@code aguavoz.incidents.update-every} (two hours), and
 * only when someone joined since the committee last heard of it. Every instance runs it; the incidents due are
 * locked with {@code FOR UPDATE SKIP LOCKED}, so each update is sent by one of them.
 */
@ApplicationScoped
public class TellIncidentUpdates {

    private final Incidents incidents;
    private final TellPeople tellPeople;
    private final IncidentUpdatesConfig config;
    private final Clock clock;

    TellIncidentUpdates(Incidents incidents, TellPeople tellPeople, IncidentUpdatesConfig config, Clock clock) {
        this.incidents = incidents;
        this.tellPeople = tellPeople;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${aguavoz.incidents.check-every:1m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        tell();
    }

    /** Returns how many incidents had an update (sent, or dropped because the incident is no longer open). */
    @Transactional
    public int tell() {
        Instant now = clock.instant();
        List<Incident> due = incidents.untoldSince(now.minus(config.updateEvery()), 200);
        for (Incident incident : due) {
            // Resolved meanwhile: the reporters are asked SI/NO themselves; the committee needs no count of them.
            incident.lead().ifPresent(lead -> tellPeople.incidentUpdate(lead, incident.joinedSinceTold));
            incident.toldAt = now;
            incident.joinedSinceTold = 0;
        }
        return due.size();
    }
}
