package org.aguavoz.dashboard;

import java.net.URI;
import java.util.Locale;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.StaffActions;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketTransitionRefused;
import org.aguavoz.tickets.Tickets;

/**
 * The ticket page's forms: each posts one action, which goes through the ticket lifecycle like every other path
 * (the notices decide who is told), then back to the ticket (POST-redirect-GET). Nothing is composed here.
 */
@Path("/tickets/{reference}/{action}")
public class TicketActionsResource {

    private final Tickets tickets;
    private final StaffActions staffActions;
    private final SecurityIdentity identity;

    TicketActionsResource(Tickets tickets, StaffActions staffActions, SecurityIdentity identity) {
        this.tickets = tickets;
        this.staffActions = staffActions;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response act(@PathParam("reference") String reference, @PathParam("action") String action,
            @FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie,
            @FormParam("note") String note, @FormParam("sms") String sms, @FormParam("community") String community,
            @FormParam("into") String into) {
        Csrf.check(csrf, csrfCookie);
        Ticket ticket = tickets.byReference(reference).orElseThrow(NotFoundException::new);
        Actor actor = Actor.staff(identity.getPrincipal().getName(), Channel.DASHBOARD);
        try {
            Ticket next = staffActions.act(ticket, new StaffActions.Request(action, note, "on".equals(sms), community, into),
                    actor);
            return backTo(next.reference, null);
        } catch (StaffActions.Invalid invalid) {
            if ("action".equals(invalid.field())) {
                throw new NotFoundException();
            }
            return backTo(reference, "note".equals(invalid.field()) ? null : refusal(action));
        } catch (TicketTransitionRefused refused) {
            return backTo(reference, refusal(action));
        }
    }

    /** Split and merge are refused for reasons of their own, which the page explains; the rest by the status. */
    private static String refusal(String action) {
        String name = action.strip().toLowerCase(Locale.ROOT);
        return "split".equals(name) || "merge".equals(name) ? name : "1";
    }

    private static Response backTo(String reference, String refused) {
        return Response.seeOther(URI.create("/tickets/" + reference + (refused == null ? "" : "?refused=" + refused)))
                .build();
    }
}
