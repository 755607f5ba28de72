package org.aguavoz.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * What every response says about where the app lives comes from AGUAVOZ_PUBLIC_URL, never from the request:
 * <ul>
 * <li>a {@code Location} that names another host (the form login and JAX-RS build absolute URLs from the request's
 * {@code Host} header, which anyone can set) is cut down to its path, so a redirect never leaves the site;</li>
 * <li>when the public URL is https, every cookie (the session, the CSRF token, the language, the form login's
 * return address) is {@code Secure}, also behind a proxy that ends TLS, where the app itself only sees http.</li>
 * </ul>
 * One Vert.x handler ahead of everything, the form login included, so no response escapes it.
 */
@Singleton
class PublicOriginFilter {

    private final URI publicUrl;
    private final boolean secureCookies;

    PublicOriginFilter(PublicUrlConfig config) {
        this.publicUrl = URI.create(config.value());
        this.secureCookies = "https".equalsIgnoreCase(publicUrl.getScheme());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> rewrite(context));
        context.next();
    }

    private void rewrite(RoutingContext context) {
        HttpServerResponse response = context.response();
        String location = response.headers().get(HttpHeaders.LOCATION);
        if (location != null) {
            response.headers().set(HttpHeaders.LOCATION, location(location, publicUrl));
        }
        if (secureCookies) {
            List<String> headers = response.headers().getAll(HttpHeaders.SET_COOKIE);
            if (!headers.isEmpty()) {
                response.headers().remove(HttpHeaders.SET_COOKIE);
                headers.forEach(h -> response.headers().add(HttpHeaders.SET_COOKIE, secure(h)));
            }
            // Cookies set through Vert.x (the form login's) are written after this handler: mark them instead.
            for (Cookie cookie : context.request().cookies()) {
                if (cookie instanceof ServerCookie set && set.isChanged()) {
                    cookie.setSecure(true);
                }
            }
        }
    }

    /** The same redirect, but never to another origin than the public URL's. */
    static String location(String location, URI publicUrl) {
        URI uri;
        try {
            uri = URI.create(location.strip());
        } catch (IllegalArgumentException e) {
            return "/";
        }
        if (uri.getScheme() == null && uri.getRawAuthority() == null) {
            return location; // already relative
        }
        if (sameOrigin(uri, publicUrl)) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        // "//other.host/x" as a path would be read as another host again
        path = "/" + path.replaceFirst("^/+", "");
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static boolean sameOrigin(URI uri, URI publicUrl) {
        return publicUrl.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                && publicUrl.getHost() != null && publicUrl.getHost().equalsIgnoreCase(uri.getHost())
                && port(publicUrl) == port(uri)
                && uri.getRawUserInfo() == null;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static String secure(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            if (attribute.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie + ";Secure";
    }
}
