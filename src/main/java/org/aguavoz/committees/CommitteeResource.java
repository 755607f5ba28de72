package org.aguavoz.committees;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.CommunityResource;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Visibility;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The roster of a community's water committee: current members and everyone who served before. */
@Path("/api/v1/communities/{code}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Committees")
public class CommitteeResource {

    private final Communities communities;
    private final CommitteeMemberships memberships;
    private final ChangeRoster changeRoster;
    private final PhoneNumbers phoneNumbers;
    private final SecurityIdentity identity;

    CommitteeResource(Communities communities, CommitteeMemberships memberships, ChangeRoster changeRoster,
            PhoneNumbers phoneNumbers, SecurityIdentity identity) {
        this.communities = communities;
        this.memberships = memberships;
        this.changeRoster = changeRoster;
        this.phoneNumbers = phoneNumbers;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "Current members first, then past ones")
    public List<MemberView> roster(@PathParam("code") String code) {
        Community community = CommunityResource.find(communities, code);
        Visibility visibility = Visibility.of(identity);
        return memberships.roster(community).stream().map(m -> MemberView.of(m, visibility)).toList();
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "Add a member; the phone may be typed the local way (961 123 4567)")
    public Response add(@PathParam("code") String code,
            @Valid @NotNull(message = "a JSON body is required") MemberRequest request) {
        Community community = CommunityResource.find(communities, code);
        PhoneNumber phone = phoneNumbers.parse(request.phone())
                .orElseThrow(() -> ApiProblem.invalidField("phone", "is not a valid phone number"));
        MemberRole role = MemberRole.valueOf(request.role().toUpperCase(Locale.ROOT));
        try {
            CommitteeMembership member = changeRoster.add(community, request.name(), phone, role);
            return Response.created(URI.create("/api/v1/communities/" + code + "/members/" + member.id))
                    .entity(MemberView.of(member, Visibility.of(identity))).build();
        } catch (ChangeRoster.PhoneAlreadyOnCommittee e) {
            throw ApiProblem.conflict("phone", e.getMessage());
        }
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "End a membership; it stays in the roster's history")
    public MemberView end(@PathParam("code") String code, @PathParam("id") long id) {
        Community community = CommunityResource.find(communities, code);
        CommitteeMembership member = memberships.inCommunity(community, id)
                .orElseThrow(() -> ApiProblem.notFound("no member " + id + " on committee " + code));
        changeRoster.end(member);
        return MemberView.of(member, Visibility.of(identity));
    }
}
