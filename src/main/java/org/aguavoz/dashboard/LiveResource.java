package org.aguavoz.dashboard;

import java.time.Duration;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.aguavoz.staff.Roles;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * Server-sent events for the open-tickets page: the reference of each ticket that changed (the page then fetches
 * itself again and swaps its table), and a comment-like heartbeat so proxies keep the connection open.
 */
@Path("/live")
public class LiveResource {

    private final TicketChanges changes;

    LiveResource(TicketChanges changes) {
        this.changes = changes;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Multi<String> changes() {
        Multi<String> heartbeat = Multi.createFrom().ticks().every(Duration.ofSeconds(25)).map(tick -> "");
        return Multi.createBy().merging().streams(changes.stream(), heartbeat);
    }
}
