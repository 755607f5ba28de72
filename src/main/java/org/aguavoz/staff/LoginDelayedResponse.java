package org.aguavoz.staff;

import java.util.Map;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * How a delayed client is told. Quarkus has already prepared its usual challenge when this runs (401 with
 * WWW-Authenticate for Basic, a redirect to the error page for the form): the API gets 429 with Retry-After instead,
 * and the form's redirect carries the seconds to wait, for the login page to say.
 */
@ApplicationScoped
class LoginDelayedResponse {

    /** The query parameter the login page reads ({@code /login?error=1&wait=8}). */
    private static final String WAIT_PARAMETER = "wait";
    private static final String RETRY_AFTER_SECONDS = "aguavoz.login.retry-after-seconds";

    /** A login refused unchecked, because its client is still in the delay its wrong passwords earned. */
    static AuthenticationFailedException refusal(long retryAfterSeconds) {
        return new AuthenticationFailedException("login delayed", Map.of(RETRY_AFTER_SECONDS, retryAfterSeconds));
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Long retryAfter = retryAfterIn(context.failure());
        HttpServerResponse response = context.response();
        if (retryAfter == null || response.ended() || response.headWritten()) {
            context.next();
            return;
        }
        String seconds = Long.toString(retryAfter);
        String location = response.headers().get("Location");
        if (response.getStatusCode() == 302 && location != null) {
            response.headers().set("Location",
                    location + (location.contains("?") ? "&" : "?") + WAIT_PARAMETER + "=" + seconds);
        } else {
            response.setStatusCode(429);
            response.headers().remove("WWW-Authenticate");
            response.headers().set("Retry-After", seconds);
        }
        response.headers().set("Cache-Control", "no-store");
        response.end();
    }

    private static Long retryAfterIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException refused) {
                Long seconds = refused.getAttribute(RETRY_AFTER_SECONDS);
                if (seconds != null) {
                    return seconds;
                }
            }
        }
        return null;
    }
}
