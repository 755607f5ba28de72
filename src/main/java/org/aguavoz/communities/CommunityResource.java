package org.aguavoz.communities;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/communities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Communities")
public class CommunityResource {

    private final Communities communities;
    private final CreateCommunity createCommunity;

    CommunityResource(Communities communities, CreateCommunity createCommunity) {
        this.communities = communities;
        this.createCommunity = createCommunity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "All communities, by code")
    public List<CommunityView> list() {
        return communities.allByCode().stream().map(CommunityView::of).toList();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "One community, by the code on its posters")
    public CommunityView get(@PathParam("code") String code) {
        return CommunityView.of(find(communities, code));
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "Register a community; 409 if its code or a spelling variant is taken")
    public Response create(@Valid @NotNull(message = "a JSON body is required") CommunityRequest request) {
        try {
            Community community = createCommunity.create(request);
            return Response.created(URI.create("/api/v1/communities/" + community.code))
                    .entity(CommunityView.of(community)).build();
        } catch (CreateCommunity.Refused refused) {
            throw refused.conflict ? ApiProblem.conflict(refused.field, refused.getMessage())
                    : ApiProblem.invalidField(refused.field, refused.getMessage());
        }
    }

    /** The community with this code, or a 404 that says so. Shared with the roster and ticket resources. */
    public static Community find(Communities communities, String code) {
        if (code == null || !code.matches("[0-9]{1,6}")) {
            throw ApiProblem.invalidField("code", "must be 1 to 6 digits");
        }
        return communities.byCode(code).orElseThrow(() -> ApiProblem.notFound("no community with code " + code));
    }
}
