package org.aguavoz.agency;

import java.util.Optional;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.config.InvalidSettingException;

/**
 * Creates the agency row from configuration the first time AguaVoz starts on a database. Several instances
 * may start at once: the primary key lets one insert win and the others do nothing. The quiet hours of
 * AGUAVOZ_QUIET_HOURS are checked at every start, so a typo stops start-up even on an existing database.
 */
class CreateAgencyOnFirstStart {

    /** Runs before anything that needs the agency (admin account, demo data). */
    static final int PRIORITY = 100;

    @Transactional
    void create(@Observes @Priority(PRIORITY) StartupEvent start, EntityManager em, AgencyConfig config,
            QuietHoursConfig quietHoursSetting) {
        Optional<QuietHours> quietHours;
        try {
            quietHours = QuietHours.parse(quietHoursSetting.value());
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("AGUAVOZ_QUIET_HOURS (aguavoz.quiet-hours)", "is wrong: " + e.getMessage());
        }
        em.createNativeQuery("""
                        insert into agency (id, name, time_zone, quiet_hours_start, quiet_hours_end)
                        values (:id, :name, :zone, cast(:quietStart as time), cast(:quietEnd as time)) on conflict (id) do nothing""")
                .setParameter("id", Agency.THE_AGENCY)
                .setParameter("name", config.name().strip())
                .setParameter("zone", config.timeZone().getId())
                .setParameter("quietStart", quietHours.map(q -> q.start().toString()).orElse(null))
                .setParameter("quietEnd", quietHours.map(q -> q.end().toString()).orElse(null))
                .executeUpdate();
    }
}
