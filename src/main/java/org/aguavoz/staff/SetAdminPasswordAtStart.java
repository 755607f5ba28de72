package org.aguavoz.staff;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The {@code admin} user always has the password of AGUAVOZ_ADMIN_PASSWORD: created on the first start, updated
 * when the setting changes. Losing the admin password is then fixed by a restart, not by editing the database.
 *
 * <p>Comparing the setting with the stored hash is a bcrypt, a quarter of a second on a JVM that has just started,
 * and nothing else in the start needs the admin account (SMS webhooks, the readiness check): it runs on a thread of
 * its own while the start goes on, and a login as {@code admin} waits for it ({@link #awaitApplied}).
 */
@ApplicationScoped
class SetAdminPasswordAtStart {

    private static final Logger LOG = Logger.getLogger(SetAdminPasswordAtStart.class);
    static final String ADMIN_USERNAME = "admin";
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final CompletableFuture<Void> applied = new CompletableFuture<>();

    void apply(@Observes @Priority(200) StartupEvent start, StaffUsers users, AdminConfig config) {
        String password = config.password();
        Thread applying = new Thread(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(users, password));
                applied.complete(null);
            } catch (RuntimeException e) {
                LOG.errorf(e, "The admin staff user could not be set from AGUAVOZ_ADMIN_PASSWORD");
                applied.completeExceptionally(e);
            }
        }, "admin-password-at-start");
        applying.setDaemon(true);
        applying.start();
    }

    private static void apply(StaffUsers users, String password) {
        StaffUser admin = users.byUsername(ADMIN_USERNAME).orElse(null);
        if (admin == null) {
            admin = new StaffUser();
            admin.username = ADMIN_USERNAME;
            admin.displayName = "Administrador";
            admin.role = StaffRole.ADMIN;
            admin.passwordHash = Passwords.hash(password);
            users.persist(admin);
            LOG.info("Created the admin staff user from AGUAVOZ_ADMIN_PASSWORD");
        } else if (!Passwords.matches(password, admin.passwordHash)) {
            admin.passwordHash = Passwords.hash(password);
            LOG.info("Changed the admin staff user's password to AGUAVOZ_ADMIN_PASSWORD");
        }
        admin.active = true;
        admin.role = StaffRole.ADMIN;
    }

    /**
     * Returns once the admin user holds the setting's password (or setting it failed, which is logged): a login as
     * admin right after a start that changed the setting must not be checked against the old password.
     */
    void awaitApplied() {
        try {
            applied.get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException logged) {
            // the login is checked against what the database holds
        }
    }

    /** A stop right after the start waits for the admin user's transaction rather than cut it off. */
    void finish(@Observes ShutdownEvent stop) {
        awaitApplied();
    }
}
