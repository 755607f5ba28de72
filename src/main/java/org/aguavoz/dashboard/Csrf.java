package org.aguavoz.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.NewCookie;

/**
 * Double-submit CSRF protection for the dashboard's forms: a random token in a SameSite=Strict cookie, repeated in
 * a hidden field of every form; a POST whose field does not match its cookie is refused. (quarkus-rest-csrf is not
 * available on this platform version; this is the same scheme.)
 */
final class Csrf {

    static final String COOKIE = "aguavoz-csrf";
    static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {
    }

    /** The token to put in forms: the browser's, or a new one (set it with {@link #cookie}). */
    static String tokenFor(String cookieValue) {
        if (cookieValue != null && cookieValue.matches("[A-Za-z0-9_-]{43}")) {
            return cookieValue;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    static void check(String field, String cookieValue) {
        if (!matches(field, cookieValue)) {
            throw new ForbiddenException("the form's security token is missing or wrong: reload the page and try again");
        }
    }

    static boolean matches(String field, String cookieValue) {
        return field != null && cookieValue != null && MessageDigest.isEqual(field.getBytes(StandardCharsets.UTF_8),
                cookieValue.getBytes(StandardCharsets.UTF_8));
    }
}
