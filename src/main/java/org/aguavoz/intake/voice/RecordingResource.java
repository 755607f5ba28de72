package org.aguavoz.intake.voice;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.api.Problem;
import org.aguavoz.config.TwilioConfig;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Tickets;
import org.aguavoz.tickets.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The caller's recording of a ticket opened by phone, for staff to hear. Twilio keeps the audio behind the account's
 * credentials, so AguaVoz fetches it and passes it on. The address is built from the configured API URL and the
 * stored recording SID, never from the stored recording_url: a tampered row must not make AguaVoz fetch an address
 * of its choosing (SSRF) or send the account's credentials there.
 */
@Path("/api/v1/tickets/{reference}/recording")
@Tag(name = "Tickets")
public class RecordingResource {

    private static final Logger LOG = Logger.getLogger(RecordingResource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * For the whole answer, body included: the JDK client's own timeout ends with the headers. The audio is read
     * whole before it is passed on (a recording is at most 300 s, a few MB of MP3), so a stalled download ends
     * here and becomes a 502 instead of a cut-off 200.
     */
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofSeconds(30);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Tickets tickets;
    private final SecurityIdentity identity;
    private final TwilioConfig twilio;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER) // followed below, without our credentials
            .build();

    RecordingResource(Tickets tickets, SecurityIdentity identity, TwilioConfig twilio) {
        this.tickets = tickets;
        this.identity = identity;
        this.twilio = twilio;
    }

    private record Stored(String recordingSid, boolean audible) {
    }

    @GET
    @Produces("audio/mpeg")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "The caller's recording of a ticket opened by phone (MP3); integrity and anonymous reports: admin only")
    public Response recording(@PathParam("reference") String reference) {
        if (!reference.matches("[0-9]{4,6}")) {
            throw ApiProblem.invalidField("reference", "must be 4 to 6 digits");
        }
        // Read and let go of the database before waiting on Twilio.
        Visibility visibility = Visibility.of(identity);
        Stored stored = QuarkusTransaction.requiringNew().call(() -> tickets.byReference(reference)
                .map(t -> new Stored(t.recordingSid, visibility.hearsRecording(t))))
                .orElseThrow(() -> ApiProblem.notFound("no ticket with reference " + reference));
        if (!stored.audible()) {
            throw problem(403, "Forbidden", "only an administrator may hear the recording of an integrity or anonymous report");
        }
        String sid = stored.recordingSid();
        if (sid == null) {
            throw ApiProblem.notFound("ticket " + reference + " has no recording");
        }
        if (!sid.matches("RE[0-9a-fA-F]{32}")) { // the database checks this too; it goes into a URL path
            throw problem(500, "Internal error", "ticket " + reference + " has a malformed recording SID");
        }
        if (!twilio.credentialsPresent()) {
            throw problem(503, "Service unavailable", "no Twilio credentials are configured: recordings cannot be fetched");
        }
        String account = twilio.accountSid().orElseThrow();
        String base = twilio.apiUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/2010-04-01/Accounts/" + account + "/Recordings/" + sid + ".mp3");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (account + ":" + twilio.authToken().orElseThrow()).getBytes(StandardCharsets.UTF_8));

        HttpResponse<byte[]> answer = fetch(uri, Optional.of(basic), reference, sid);
        if (REDIRECTS.contains(answer.statusCode())) {
            // Twilio may hand the audio over from its storage: follow once, without our credentials, over TLS
            // (or to the configured API URL itself, as WireMock does in tests).
            URI next = answer.headers().firstValue("Location").map(uri::resolve)
                    .orElseThrow(() -> badGateway(reference, sid, "Twilio redirected without a Location"));
            boolean sameOrigin = Objects.equals(next.getScheme(), uri.getScheme())
                    && Objects.equals(next.getRawAuthority(), uri.getRawAuthority());
            if (!"https".equalsIgnoreCase(next.getScheme()) && !sameOrigin) {
                throw badGateway(reference, sid, "Twilio redirected to an address that is not https");
            }
            answer = fetch(next, Optional.empty(), reference, sid);
        }
        if (answer.statusCode() != 200) {
            throw badGateway(reference, sid, "Twilio answered " + answer.statusCode() + " for recording " + sid);
        }
        return Response.ok(answer.body(), "audio/mpeg").header("Cache-Control", "private, no-store").build();
    }

    private HttpResponse<byte[]> fetch(URI uri, Optional<String> authorization, String reference, String sid) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            return answer.get(DOWNLOAD_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw badGateway(reference, sid, "Twilio did not send the recording within " + DOWNLOAD_DEADLINE.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof HttpTimeoutException
                    ? "Twilio did not answer within " + TIMEOUT.toSeconds() + " s"
                    : "cannot reach Twilio: " + (cause instanceof IOException && cause.getMessage() != null
                            ? cause.getMessage() : cause.getClass().getSimpleName());
            throw badGateway(reference, sid, why);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw badGateway(reference, sid, "interrupted while fetching the recording");
        }
    }

    private static ApiProblem badGateway(String reference, String sid, String detail) {
        LOG.warnf("Cannot fetch recording %s of ticket %s: %s", sid, reference, detail);
        return problem(502, "Bad gateway", detail);
    }

    private static ApiProblem problem(int status, String title, String detail) {
        return new ApiProblem(Problem.of(status, title, detail));
    }
}
