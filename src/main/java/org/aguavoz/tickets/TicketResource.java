package org.aguavoz.tickets;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
public class TicketResource {

    private final Tickets tickets;
    private final SecurityIdentity identity;
    private final Clock clock;

    TicketResource(Tickets tickets, SecurityIdentity identity, Clock clock) {
        this.tickets = tickets;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "Tickets, newest first, filtered by status, community code, category and lateness")
    public List<TicketView> list(
            @Parameter(description = "open, acknowledged, in_progress, resolved or closed") @QueryParam("status") String status,
            @Parameter(description = "the community's numeric code") @QueryParam("community") String community,
            @Parameter(description = "outage, quality, leak, billing, integrity or other") @QueryParam("category") String category,
            @Parameter(description = "true: only late tickets (escalated, or past their deadline); false: only the others")
            @QueryParam("late") String late,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = "must be 0 or more") int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(value = 1, message = "must be between 1 and 500")
            @Max(value = 500, message = "must be between 1 and 500") int limit) {
        if (community != null && !community.matches("[0-9]{1,6}")) {
            throw ApiProblem.invalidField("community", "must be a community code of 1 to 6 digits");
        }
        Boolean lateFilter = null;
        if (late != null && !late.isBlank()) {
            if (!late.strip().equalsIgnoreCase("true") && !late.strip().equalsIgnoreCase("false")) {
                throw ApiProblem.invalidField("late", "must be true or false");
            }
            lateFilter = Boolean.valueOf(late.strip().toLowerCase(Locale.ROOT));
        }
        Instant now = clock.instant();
        List<Ticket> found = tickets.search(parse("status", status, TicketStatus.class), community,
                parse("category", category, Category.class), lateFilter, now, offset, limit);
        Visibility visibility = Visibility.of(identity);
        Map<Long, Long> reports = tickets.reportCounts(found);
        return found.stream().map(t -> TicketView.of(t,
                t.incident == null ? 1 : reports.getOrDefault(t.incident.id, 1L), visibility, false, now)).toList();
    }

    @GET
    @Path("{reference}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "One ticket with its whole timeline")
    public TicketView get(@PathParam("reference") String reference) {
        return TicketView.of(find(reference), Visibility.of(identity), true, clock.instant());
    }

    @GET
    @Path("{reference}/reports")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "The reports of the ticket's incident, the first first, each as in the list of tickets;"
            + " a report that stands alone lists itself")
    public List<TicketView> reports(@PathParam("reference") String reference) {
        List<Ticket> reports = tickets.incidentReports(find(reference));
        Visibility visibility = Visibility.of(identity);
        Instant now = clock.instant();
        return reports.stream().map(t -> TicketView.of(t, reports.size(), visibility, false, now)).toList();
    }

    private Ticket find(String reference) {
        if (!reference.matches("[0-9]{4,6}")) {
            throw ApiProblem.invalidField("reference", "must be 4 to 6 digits");
        }
        return tickets.byReference(reference)
                .orElseThrow(() -> ApiProblem.notFound("no ticket with reference " + reference));
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw ApiProblem.invalidField(field, "must be one of " + allowed);
        }
    }

}
