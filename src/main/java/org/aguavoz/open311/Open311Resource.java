package org.aguavoz.open311;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Open311 GeoReport v2, read only and public: the services (categories) and service requests (tickets) that civic
 * tools read, without personal data (see {@link ServiceRequestView}). One jurisdiction, so jurisdiction_id is
 * accepted and ignored, as the spec allows. JSON only. Each report is a service request, also one of an incident:
 * Open311 has no aggregate that would count a problem twice, and {@code extensions=true} tells which reports are of
 * one problem.
 */
@Path("/open311/v2")
@Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
@PermitAll
@Tag(name = "Open311")
public class Open311Resource {

    private final ServiceRequests serviceRequests;
    private final Open311Texts texts;
    private final Clock clock;

    Open311Resource(ServiceRequests serviceRequests, Open311Texts texts, Clock clock) {
        this.serviceRequests = serviceRequests;
        this.texts = texts;
        this.clock = clock;
    }

    @GET
    @Path("services.json")
    @Operation(summary = "Open311 services: one per category")
    public List<ServiceView> services() {
        return Arrays.stream(Category.values()).map(c -> ServiceView.of(c, texts)).toList();
    }

    @GET
    @Path("requests.json")
    @Transactional
    @Operation(summary = "Open311 service requests, newest first, at most 1000; by default those of the last 90 days")
    public List<ServiceRequestView> requests(
            @Parameter(description = "ids, comma-separated; overrides every other argument")
            @QueryParam("service_request_id") List<String> ids,
            @Parameter(description = "outage, quality, leak, billing, integrity, other; comma-separated")
            @QueryParam("service_code") List<String> serviceCodes,
            @Parameter(description = "W3C date-time with time zone; at most 90 days before end_date")
            @QueryParam("start_date") String startDate,
            @Parameter(description = "W3C date-time with time zone") @QueryParam("end_date") String endDate,
            @Parameter(description = "open or closed; comma-separated") @QueryParam("status") List<String> statuses,
            @Parameter(description = "true: also extended_attributes (duplicate, parent_service_request_id)")
            @QueryParam("extensions") String extensions) {
        boolean extended = extensions(extensions);
        return render(serviceRequests.find(
                RequestQuery.parse(ids, serviceCodes, statuses, startDate, endDate, clock.instant())), extended);
    }

    @GET
    @Path("requests/{id}.json")
    @Transactional
    @Operation(summary = "One Open311 service request, as a one-element array")
    public List<ServiceRequestView> request(@PathParam("id") String id,
            @Parameter(description = "true: also extended_attributes (duplicate, parent_service_request_id)")
            @QueryParam("extensions") String extensions) {
        boolean extended = extensions(extensions);
        List<Ticket> found = RequestQuery.isReference(id) ? serviceRequests.find(RequestQuery.single(id)) : List.of();
        if (found.isEmpty()) {
            throw Open311Error.notFound("no service request " + id);
        }
        return render(found, extended);
    }

    @ServerExceptionMapper
    Response error(Open311Error e) {
        return Response.status(e.code()).type(MediaType.APPLICATION_JSON + ";charset=utf-8")
                .entity(List.of(new Open311Error.Body(e.code(), e.getMessage()))).build();
    }

    private List<ServiceRequestView> render(List<Ticket> tickets, boolean extensions) {
        Agency agency = Agency.get();
        String agencyName = agency == null ? null : agency.name;
        return tickets.stream().map(t -> ServiceRequestView.of(t, agencyName, texts, extensions)).toList();
    }

    /** Chicago's switch; anything but true or false is a mistake the client should hear of, like every argument. */
    private static boolean extensions(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw Open311Error.badRequest("extensions: '" + value + "' must be true or false");
    }
}
