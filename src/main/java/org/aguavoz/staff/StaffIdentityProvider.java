package org.aguavoz.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Checks staff credentials (HTTP Basic for the API, the dashboard's login form) against the staff users; five
 * wrong passwords in a row lock the account for 15 minutes. bcrypt is deliberately slow, and an integration
 * polling the API sends the same credentials every time, so a successful check is remembered for a minute
 * (keyed by a hash of name, password and stored hash: a changed password or a deactivated user is not
 * remembered past that minute).
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Wrong passwords in a row before the account is locked, and for how long. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(StaffIdentityProvider.class);

    private final StaffUsers users;
    private final Clock clock;
    private final Cache<String, StaffRole> recentlyVerified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000)
            .build();

    StaffIdentityProvider(StaffUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            // The failure is recorded (committed) before it is reported: an exception inside the transaction
            // would roll the count back.
            StaffRole role = verify(username, password);
            if (role == null) {
                throw new AuthenticationFailedException();
            }
            return identity(username, role);
        });
    }

    /** The user's role, or null for a wrong name, a wrong password or a locked account (all look the same). */
    @ActivateRequestContext
    @Transactional
    StaffRole verify(String username, String password) {
        StaffUser user = users.byUsername(username).filter(u -> u.active).orElse(null);
        if (user == null) {
            Passwords.spendVerificationTime(password);
            return null;
        }
        Instant now = clock.instant();
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            Passwords.spendVerificationTime(password);
            return null;
        }
        String key = sha256(username + '\0' + password + '\0' + user.passwordHash);
        StaffRole cached = recentlyVerified.getIfPresent(key);
        if (cached == user.role) {
            user.failedLogins = 0; // a right password ends a run of wrong ones, cached or not
            return cached;
        }
        if (!Passwords.matches(password, user.passwordHash)) {
            user.failedLogins++;
            if (user.failedLogins >= MAX_FAILURES) {
                user.lockedUntil = now.plus(LOCKED_FOR);
                user.failedLogins = 0;
                LOG.warnf("Staff user %s locked for %d minutes after %d wrong passwords", username,
                        LOCKED_FOR.toMinutes(), MAX_FAILURES);
            }
            return null;
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        recentlyVerified.put(key, user.role);
        return user.role;
    }

    private static SecurityIdentity identity(String username, StaffRole role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRole(role.roleName())
                .build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
