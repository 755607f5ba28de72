package org.aguavoz.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's session: the form login's encrypted cookie names the user, and each request looks the user up
 * again, so a deactivated account or a changed role takes effect at the next click, not when the session ends. A
 * cookie issued before the user last logged out is refused ({@link EndSessions}).
 */
@ApplicationScoped
class StaffSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffUsers users;
    private final String cookieName;
    private final String key;
    private final Duration timeout;

    StaffSessionIdentityProvider(StaffUsers users,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName,
            @ConfigProperty(name = SessionKeySource.KEY_PROPERTY) String key,
            @ConfigProperty(name = "quarkus.http.auth.form.timeout") Duration timeout) {
        this.users = users;
        this.cookieName = cookieName;
        this.key = key;
        this.timeout = timeout;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        Optional<Instant> issued = issued(http, username);
        return context.runBlocking(() -> {
            StaffRole role = issued.map(i -> role(username, i)).orElse(null);
            if (role == null) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username))
                    .addRole(role.roleName()).build();
        }).onFailure().invoke(refused -> {
            // The refusal sends the browser to the login page; without removing the cookie it would be refused
            // there too, and sent to the login page again, in a loop.
            if (http != null) {
                http.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0));
            }
        });
    }

    /** When the request's cookie was issued; empty when there is none for this user (then nothing is trusted). */
    private Optional<Instant> issued(RoutingContext request, String username) {
        Cookie cookie = request == null ? null : request.request().getCookie(cookieName);
        return SessionCookie.decrypt(cookie == null ? null : cookie.getValue(), key)
                .filter(c -> c.username().equals(username))
                .map(c -> c.issued(timeout));
    }

    @ActivateRequestContext
    @Transactional
    StaffRole role(String username, Instant issued) {
        return users.byUsername(username)
                .filter(u -> u.active)
                .filter(u -> u.sessionsEndedAt == null || issued.isAfter(u.sessionsEndedAt))
                .map(u -> u.role)
                .orElse(null);
    }
}
