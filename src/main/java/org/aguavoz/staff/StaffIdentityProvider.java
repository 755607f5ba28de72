package org.aguavoz.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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

/**
 * Checks HTTP Basic credentials against the staff users. bcrypt is deliberately slow, and an integration
 * polling the API sends the same credentials every time, so a successful check is remembered for a minute
 * (keyed by a hash of name, password and stored hash: a changed password or a deactivated user is not
 * remembered past that minute).
 */
@ApplicationScoped
class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final StaffUsers users;
    private final Cache<String, StaffRole> recentlyVerified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(1_000)
            .build();

    StaffIdentityProvider(StaffUsers users) {
        this.users = users;
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
        return context.runBlocking(() -> identity(username, verify(username, password)));
    }

    @ActivateRequestContext
    @Transactional
    StaffRole verify(String username, String password) {
        StaffUser user = users.byUsername(username).filter(u -> u.active).orElse(null);
        if (user == null) {
            Passwords.spendVerificationTime(password);
            throw new AuthenticationFailedException();
        }
        String key = sha256(username + '\0' + password + '\0' + user.passwordHash);
        StaffRole cached = recentlyVerified.getIfPresent(key);
        if (cached == user.role) {
            return cached;
        }
        if (!Passwords.matches(password, user.passwordHash)) {
            throw new AuthenticationFailedException();
        }
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
