package org.aguavoz.agency;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Creates the agency row from configuration the first time AguaVoz starts on a database. Several instances
 * may start at once: the primary key lets one insert win and the others do nothing.
 */
class CreateAgencyOnFirstStart {

    /** Runs before anything that needs the agency (admin account, demo data). */
    static final int PRIORITY = 100;

    @Transactional
    void create(@Observes @Priority(PRIORITY) StartupEvent start, EntityManager em, AgencyConfig config) {
        em.createNativeQuery("insert into agency (id, name, time_zone) values (:id, :name, :zone) on conflict (id) do nothing")
                .setParameter("id", Agency.THE_AGENCY)
                .setParameter("name", config.name().strip())
                .setParameter("zone", config.timeZone().getId())
                .executeUpdate();
    }
}
