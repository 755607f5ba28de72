package org.aguavoz.dashboard;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The login form's CSRF token, checked where the form login has read the form ({@code /j_security_check} is handled
 * by Quarkus, not by a resource): a login posted from another site, which would sign the victim in to the
 * attacker's account, is refused like a wrong password.
 */
@ApplicationScoped
class LoginFormCsrf implements SecurityIdentityAugmentor {

    static final String POST_LOCATION = "/j_security_check";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
            Map<String, Object> attributes) {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (request != null && request.request().method() == HttpMethod.POST
                && POST_LOCATION.equals(request.normalizedPath())) {
            Cookie cookie = request.request().getCookie(Csrf.COOKIE);
            String field = request.request().getFormAttribute(Csrf.FIELD);
            if (!Csrf.matches(field, cookie == null ? null : cookie.getValue())) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the login form's token is missing"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
