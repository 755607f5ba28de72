package org.aguavoz.intake;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.twilio.security.RequestValidator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.config.TwilioConfig;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where Twilio webhooks are authenticated: every request under /twilio/ must carry a valid
 * X-Twilio-Signature for the URL Twilio called (AGUAVOZ_PUBLIC_URL + path + query, not the URL this instance
 * sees behind a proxy) and come from our account. Anything else is refused before it is stored.
 *
 * <p>The check runs as the first route of the HTTP server, on the I/O thread, before a worker thread or the REST layer
 * sees the request: a body over {@link #MAX_BODY_BYTES} is refused with 413 as soon as its Content-Length (or, when
 * chunked, its bytes read so far) says so, and the connection stops reading and is closed; a form body that is not
 * valid application/x-www-form-urlencoded, or has more than {@link TwilioForm#MAX_FIELDS} fields, gets 400. A flood of
 * unsigned junk therefore costs memory and time for little more than 64 KB each, and signed webhooks keep their
 * threads. The resources get the body this check read, never a second copy of the stream.
 */
@Singleton
public class TwilioSignatureFilter {

    /** Twilio's largest webhook (an SMS of 1600 characters with its fields) is under 10 KB. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(TwilioSignatureFilter.class);
    private static final String PREFIX = "/twilio/";
    private static final String CHECKED = TwilioSignatureFilter.class.getName() + ".checked";
    /** After the server's own first routes (access log, response headers), before security and REST. */
    private static final int ORDER = Integer.MIN_VALUE + 100;

    /** At most one refusal a second is logged, with a count of the others: junk must not become log lines. */
    private static final long WARNING_INTERVAL = TimeUnit.SECONDS.toNanos(1);
    private static final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
    private static final AtomicInteger unlogged = new AtomicInteger();

    private final RequestValidator validator;
    private final String publicUrl;
    private final String accountSid;

    TwilioSignatureFilter(TwilioConfig twilio, PublicUrlConfig publicUrl) {
        // Without a token nothing can be verified, so nothing is accepted (rather than everything).
        this.validator = twilio.authToken().map(RequestValidator::new).orElse(null);
        this.publicUrl = publicUrl.value();
        this.accountSid = twilio.accountSid().orElse(null);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    /**
     * The REST layer's guard: a /twilio/ resource never runs for a request the route above did not pass (should a
     * path ever reach the resources without matching it). A class of its own because the REST layer creates its
     * filters before the configuration the check needs is there.
     */
    static class Guard {
        @ServerRequestFilter
        public Response refuseUnchecked(RoutingContext routing) {
            if (routing.normalizedPath().startsWith(PREFIX) && routing.get(CHECKED) == null) {
                LOG.warnf("Refused a webhook to %s: it did not pass the signature check", routing.request().path());
                return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN).entity("Forbidden").build();
            }
            return null;
        }
    }

    private void check(RoutingContext routing) {
        // The normalised path is the one the REST layer matches resources with.
        if (!routing.normalizedPath().startsWith(PREFIX)) {
            routing.next();
            return;
        }
        HttpServerRequest request = routing.request();
        String path = request.path();
        if (declaredLength(request) > MAX_BODY_BYTES) {
            tooLarge(routing, path);
            return;
        }
        if (request.isEnded()) {
            verify(routing, path, Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (routing.response().ended()) {
                return; // refused already; the connection closes
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                tooLarge(routing, path);
                return;
            }
            body.appendBuffer(chunk);
        });
        // A client that goes away mid-body has nothing to be answered.
        request.exceptionHandler(error -> LOG.debugf("A webhook to %s broke off: %s", path, error.getMessage()));
        request.endHandler(end -> {
            if (!routing.response().ended()) {
                verify(routing, path, body);
            }
        });
        request.resume();
    }

    private void verify(RoutingContext routing, String path, Buffer body) {
        HttpServerRequest request = routing.request();
        Map<String, String> params;
        try {
            params = isForm(request) ? TwilioForm.parse(body.getBytes()).params() : Map.of();
        } catch (TwilioForm.Malformed e) {
            warn(path, e.getMessage() + " in its body");
            refuse(routing, 400, "Bad Request", false);
            return;
        }
        String query = request.query();
        String url = publicUrl + path + (query == null ? "" : "?" + query);
        String signature = request.getHeader("X-Twilio-Signature");
        if (validator == null || signature == null || !validator.validate(url, params, signature)) {
            warn(path, signature == null ? "no X-Twilio-Signature" : "bad signature");
            refuse(routing, 403, "Forbidden", false);
            return;
        }
        String sid = params.get("AccountSid");
        if (sid != null && !sid.equals(accountSid)) {
            warn(path, "signed, but for another Twilio account");
            refuse(routing, 403, "Forbidden", false);
            return;
        }
        // The resource reads the body from here; it has been read once, and only this much.
        routing.setBody(body);
        routing.put(CHECKED, Boolean.TRUE);
        routing.next();
    }

    private static void tooLarge(RoutingContext routing, String path) {
        warn(path, "body over " + MAX_BODY_BYTES + " bytes");
        refuse(routing, 413, "Payload Too Large", true);
    }

    private static void warn(String path, String why) {
        long now = System.nanoTime();
        long next = nextWarning.get();
        if (now - next < 0 || !nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
            unlogged.incrementAndGet();
            return;
        }
        int others = unlogged.getAndSet(0);
        if (others == 0) {
            LOG.warnf("Refused a webhook to %s: %s", path, why);
        } else {
            LOG.warnf("Refused a webhook to %s: %s (and %d more refused since the last warning)", path, why, others);
        }
    }

    /** Unreadable or absent: -1, and the bytes read are counted instead. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static void refuse(RoutingContext routing, int status, String text, boolean closeConnection) {
        HttpServerResponse response = routing.response();
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_PLAIN);
        if (closeConnection) {
            // The rest of the body is not worth reading: the client learns from the status, then the closed socket.
            // Until the socket is closed the server would go on reading (and copying) whatever the client sends;
            // measured on loopback, 220 KB per refused body instead of 50. Vert.x has no public way to stop
            // reading a connection (pausing the request still reads 64 KB ahead), so this uses its own.
            if (routing.request().connection() instanceof ConnectionBase connection) {
                connection.doPause();
            }
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.end(text).onComplete(written -> routing.request().connection().close());
        } else {
            response.end(text);
        }
    }
}
