package org.aguavoz.staff;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Logging out: every session cookie of the user issued until now stops working, on every instance, also a copy taken
 * before the logout. (The form login's cookie carries the whole session, so clearing it in one browser is not
 * enough.)
 */
@ApplicationScoped
public class EndSessions {

    private final StaffUsers users;

    EndSessions(StaffUsers users) {
        this.users = users;
    }

    @Transactional
    public void of(String username) {
        // Compared with the cookie's issue time, which Quarkus takes from the system clock, not from our Clock.
        Instant now = Instant.now();
        users.byUsername(username).ifPresent(user -> user.sessionsEndedAt = now);
    }
}
