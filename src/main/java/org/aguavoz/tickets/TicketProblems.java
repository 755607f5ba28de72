package org.aguavoz.tickets;

import jakarta.ws.rs.core.Response;
import org.aguavoz.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused transition is a 409 problem naming the ticket's status, on every API path that changes tickets. */
class TicketProblems {

    @ServerExceptionMapper
    Response refusedTransition(TicketTransitionRefused e) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(Problem.of(409, "Conflict", e.getMessage())).build();
    }
}
