package org.aguavoz.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import com.twilio.security.RequestValidator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.config.TwilioConfig;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where Twilio webhooks are authenticated: every request under /twilio/ must carry a valid
 * X-Twilio-Signature for the URL Twilio called (AGUAVOZ_PUBLIC_URL + path + query, not the URL this instance
 * sees behind a proxy) and come from our account. Anything else is refused with 403 before it is stored.
 */
public class TwilioSignatureFilter {

    private static final Logger LOG = Logger.getLogger(TwilioSignatureFilter.class);
    private static final String PREFIX = "/twilio/";

    private final RequestValidator validator;
    private final String publicUrl;
    private final String accountSid;

    TwilioSignatureFilter(TwilioConfig twilio, PublicUrlConfig publicUrl) {
        // Without a token nothing can be verified, so nothing is accepted (rather than everything).
        this.validator = twilio.authToken().map(RequestValidator::new).orElse(null);
        this.publicUrl = publicUrl.value();
        this.accountSid = twilio.accountSid().orElse(null);
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        // The resource reads the body after us.
        request.setEntityStream(new ByteArrayInputStream(body));
        Map<String, String> params = isForm(request) ? TwilioForm.parse(body).params() : Map.of();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String url = publicUrl + path + (query == null ? "" : "?" + query);
        String signature = request.getHeaderString("X-Twilio-Signature");
        if (validator == null || signature == null || !validator.validate(url, params, signature)) {
            LOG.warnf("Refused a webhook to %s: %s", path, signature == null ? "no X-Twilio-Signature" : "bad signature");
            return forbidden();
        }
        String sid = params.get("AccountSid");
        if (sid != null && !sid.equals(accountSid)) {
            LOG.warnf("Refused a webhook to %s: signed, but for another Twilio account", path);
            return forbidden();
        }
        return null;
    }

    private static boolean isForm(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static Response forbidden() {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN).entity("Forbidden").build();
    }
}
