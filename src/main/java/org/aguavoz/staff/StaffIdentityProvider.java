package org.aguavoz.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Checks staff credentials (HTTP Basic for the API, the dashboard's login form) against the staff users. Wrong
 * passwords slow down the client that sends them ({@link LoginThrottle}); a client still in its delay is refused
 * before its password is looked at. bcrypt is deliberately slow, and an integration polling the API sends the same
 * credentials every time, so a successful check is remembered for a minute (keyed by a hash of name, password and
 * stored hash: a changed password or a deactivated user is not remembered past that minute).
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(StaffIdentityProvider.class);

    private final StaffUsers users;
    private final SetAdminPasswordAtStart adminPassword;
    private final LoginThrottle throttle;
    private final ClientAddresses clientAddresses;
    private final Clock clock;
    private final Counter wrongCredentials;
    private final Counter delayed;
    private final Cache<String, StaffRole> recentlyVerified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000)
            .build();

    StaffIdentityProvider(StaffUsers users, LoginThrottle throttle, ClientAddresses clientAddresses, Clock clock,
            MeterRegistry metrics, SetAdminPasswordAtStart adminPassword) {
        this.users = users;
        this.adminPassword = adminPassword;
        this.throttle = throttle;
        this.clientAddresses = clientAddresses;
        this.clock = clock;
        // On /q/metrics as aguavoz_login_failures_total{reason="wrong_credentials|delayed"}.
        this.wrongCredentials = metrics.counter("aguavoz.login.failures", "reason", "wrong_credentials");
        this.delayed = metrics.counter("aguavoz.login.failures", "reason", "delayed");
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
        String client = clientAddresses.of(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> {
            Instant now = clock.instant();
            LoginThrottle.Standing standing = throttle.standing(client, username);
            if (standing.delayedAt(now)) {
                delayed.increment();
                LOG.debugf("Login of %s from %s refused unchecked: delayed until %s", printable(username), client,
                        standing.delayedUntil());
                throw LoginDelayedResponse.refusal(standing.secondsLeftAt(now));
            }
            // Each step commits on its own: a failure is counted before it is reported, and no database
            // connection waits while bcrypt runs.
            StaffRole role = verify(username, password);
            if (role == null) {
                LoginThrottle.Failure failure = throttle.countFailure(client, username);
                wrongCredentials.increment();
                LOG.warnf("Login failed for %s from %s (%d in a row for this account there, %d from the address);"
                        + " next try from there after %s", printable(username), client, failure.accountFailures(),
                        failure.addressFailures(), failure.delayedUntil());
                throw new AuthenticationFailedException();
            }
            if (standing.accountHasFailures()) {
                throttle.forgive(client, username);
            }
            return identity(username, role);
        });
    }

    /** The user's role, or null for a wrong name, a wrong password or an inactive user (all look the same). */
    StaffRole verify(String username, String password) {
        if (SetAdminPasswordAtStart.ADMIN_USERNAME.equals(username)) {
            adminPassword.awaitApplied(); // set beside the start, maybe still being set
        }
        Optional<StaffUser> found = user(username);
        if (found.isEmpty()) {
            Passwords.spendVerificationTime(password);
            return null;
        }
        StaffUser user = found.get();
        String key = sha256(username + '\0' + password + '\0' + user.passwordHash);
        StaffRole cached = recentlyVerified.getIfPresent(key);
        if (cached == user.role) {
            return cached;
        }
        if (!Passwords.matches(password, user.passwordHash)) {
            return null;
        }
        recentlyVerified.put(key, user.role);
        return user.role;
    }

    @ActivateRequestContext
    @Transactional
    Optional<StaffUser> user(String username) {
        return users.byUsername(username).filter(u -> u.active);
    }

    /** A name as typed, safe for one log line: no control characters, at most 64 characters. */
    private static String printable(String username) {
        String clean = LoginThrottle.account(username).replaceAll("\\p{Cntrl}", "?");
        return '"' + clean + '"';
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
