package org.aguavoz.tickets;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The dashboard's ticket actions for integrators: the same lifecycle, the same notices (the reporter is asked SI/NO
 * after {@code resolve}, a new committee hears of a {@code reassign}…), the same refusals.
 */
@Path("/api/v1/tickets/{reference}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketActionResource {

    /**
     * {@code action}: acknowledge, note, resolve, close, reopen, reassign, merge, split. {@code note}: the note
     * (required for {@code note}); {@code sms}: {@code note} only, also send it to the reporter by SMS;
     * {@code community}: {@code reassign}, the community's code; {@code into}: {@code merge}, a report of the incident
     * this ticket (with the rest of its incident) joins.
     */
    public record ActionRequest(String action, String note, Boolean sms, String community, String into) {
    }

    private final Tickets tickets;
    private final StaffActions staffActions;
    private final SecurityIdentity identity;
    private final java.time.Clock clock;

    TicketActionResource(Tickets tickets, StaffActions staffActions, SecurityIdentity identity, java.time.Clock clock) {
        this.tickets = tickets;
        this.staffActions = staffActions;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "Act on a ticket as a staff user: 200 with the ticket acted on (after merge, the report"
            + " named by into); 400 naming the field; 404 unknown reference; 409 when the ticket's status does not"
            + " allow it")
    public TicketView act(@PathParam("reference") String reference, ActionRequest request) {
        if (request == null) {
            throw ApiProblem.invalidField("action", "a JSON body with the action is required");
        }
        if (!reference.matches("[0-9]{4,6}")) {
            throw ApiProblem.invalidField("reference", "must be 4 to 6 digits");
        }
        Ticket ticket = tickets.byReference(reference)
                .orElseThrow(() -> ApiProblem.notFound("no ticket with reference " + reference));
        Actor actor = Actor.staff(identity.getPrincipal().getName(), Channel.API);
        try {
            Ticket acted = staffActions.act(ticket, new StaffActions.Request(request.action(), request.note(),
                    Boolean.TRUE.equals(request.sms()), request.community(), request.into()), actor);
            return TicketView.of(acted, Visibility.of(identity), true, clock.instant());
        } catch (StaffActions.Invalid invalid) {
            throw ApiProblem.invalidField(invalid.field(), invalid.getMessage());
        }
    }
}
