package org.aguavoz.staff;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/**
 * The dashboard's session: the form login's encrypted cookie names the user, and each request looks the user up
 * again, so a deactivated account or a changed role takes effect at the next click, not when the session ends.
 */
@ApplicationScoped
class StaffSessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffUsers users;

    StaffSessionIdentityProvider(StaffUsers users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return context.runBlocking(() -> {
            StaffRole role = role(username);
            if (role == null) {
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRole(role.roleName()).build();
        });
    }

    @ActivateRequestContext
    @Transactional
    StaffRole role(String username) {
        return users.byUsername(username).filter(u -> u.active).map(u -> u.role).orElse(null);
    }
}
