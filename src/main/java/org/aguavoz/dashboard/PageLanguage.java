package org.aguavoz.dashboard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The language a page is shown in: Spanish unless the person chose English, by {@code ?lang=} once (then remembered
 * in a cookie) or by that cookie. The public figures page shares it, so one choice holds on every page.
 */
public final class PageLanguage {

    public static final String COOKIE = "aguavoz-lang";

    private static final Map<String, UiTexts> TEXTS = new ConcurrentHashMap<>();

    private PageLanguage() {
    }

    /** "en" or "es": a request's choice first, then the remembered one. */
    public static String choose(String requested, String cookie) {
        String language = requested != null ? requested : cookie;
        return "en".equals(language) ? "en" : "es";
    }

    /** A {@code ?lang=} choice is remembered in a cookie. */
    public static Response.ResponseBuilder remember(Response.ResponseBuilder response, String requested,
            String language) {
        if (requested != null) {
            response.cookie(new NewCookie.Builder(COOKIE).value(language).path("/").maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return response;
    }

    /** Looked up once per language, as SmsBundles does: a CDI lookup per page would be work done again each time. */
    static UiTexts texts(String language) {
        return TEXTS.computeIfAbsent(language, l -> MessageBundles.get(UiTexts.class, Localized.Literal.of(l)));
    }
}
