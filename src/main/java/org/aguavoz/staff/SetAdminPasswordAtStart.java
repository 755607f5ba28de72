package org.aguavoz.staff;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The {@code admin} user always has the password of AGUAVOZ_ADMIN_PASSWORD: created on the first start, updated
 * when the setting changes. Losing the admin password is then fixed by a restart, not by editing the database.
 */
class SetAdminPasswordAtStart {

    private static final Logger LOG = Logger.getLogger(SetAdminPasswordAtStart.class);
    static final String ADMIN_USERNAME = "admin";

    @Transactional
    void apply(@Observes @Priority(200) StartupEvent start, StaffUsers users, AdminConfig config) {
        StaffUser admin = users.byUsername(ADMIN_USERNAME).orElse(null);
        if (admin == null) {
            admin = new StaffUser();
            admin.username = ADMIN_USERNAME;
            admin.displayName = "Administrador";
            admin.role = StaffRole.ADMIN;
            admin.passwordHash = Passwords.hash(config.password());
            users.persist(admin);
            LOG.info("Created the admin staff user from AGUAVOZ_ADMIN_PASSWORD");
        } else if (!Passwords.matches(config.password(), admin.passwordHash)) {
            admin.passwordHash = Passwords.hash(config.password());
            LOG.info("Changed the admin staff user's password to AGUAVOZ_ADMIN_PASSWORD");
        }
        admin.active = true;
        admin.role = StaffRole.ADMIN;
    }
}
