package org.aguavoz.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The floor the SMS webhook is measured against: the same form body through the same HTTP stack, one insert in
 * one transaction, a fixed empty TwiML answer. Outside /twilio/ so it carries no signature; 404 unless
 * {@link BenchmarkConfig#baseline()} is on.
 */
@Path("/benchmark/baseline")
public class BaselineResource {

    /** Twilio's "send nothing" answer; a constant, so nothing here is TwiML built from strings. */
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final BenchmarkConfig config;
    private final EntityManager em;

    BaselineResource(BenchmarkConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(hidden = true)
    @Transactional
    public Response ping(@RestForm("MessageSid") String messageSid, @RestForm("From") String from) {
        if (!config.baseline()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        if (messageSid == null || from == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        em.createNativeQuery("insert into benchmark_ping (message_sid, from_phone) values (?1, ?2)")
                .setParameter(1, messageSid.length() > 64 ? messageSid.substring(0, 64) : messageSid)
                .setParameter(2, from.length() > 32 ? from.substring(0, 32) : from)
                .executeUpdate();
        return Response.ok(EMPTY_TWIML).build();
    }
}
