package org.aguavoz.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.CommunityNotice;
import org.aguavoz.tickets.CommunityNotices;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notices to a whole community: the dashboard's form for integrators, through the same use case. */
@Path("/api/v1/communities/{code}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Communities")
public class CommunityNoticeResource {

    /**
     * {@code category}: optional, {@code outage}, {@code quality}, {@code leak}, {@code billing} or {@code other};
     * {@code until}: ISO-8601 with an offset, in the future.
     */
    public record NoticeRequest(String category, String text, OffsetDateTime until) {
    }

    private static final List<Category> NOTICE_CATEGORIES = Arrays.stream(Category.values())
            .filter(c -> c != Category.INTEGRITY).toList();

    private final Communities communities;
    private final CommunityNotices notices;
    private final SendCommunityNotice sendNotice;
    private final NoticeRecipients recipients;
    private final SecurityIdentity identity;
    private final Clock clock;

    CommunityNoticeResource(Communities communities, CommunityNotices notices, SendCommunityNotice sendNotice,
            NoticeRecipients recipients, SecurityIdentity identity, Clock clock) {
        this.communities = communities;
        this.notices = notices;
        this.sendNotice = sendNotice;
        this.recipients = recipients;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "The community's notices, newest first, each with its SMS counted by state")
    public List<NoticeView> list(@PathParam("code") String code) {
        Community community = CommunityResource.find(communities, code);
        List<CommunityNotice> all = notices.ofCommunity(community);
        Map<Long, NoticeRecipients.Counts> counts = recipients.counts(all.stream().map(n -> n.id).toList());
        Instant now = clock.instant();
        return all.stream()
                .map(n -> NoticeView.of(n, counts.getOrDefault(n.id, NoticeRecipients.Counts.NONE), now)).toList();
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    @Operation(summary = "Send a notice to every phone that reported from the community in the last 12 months and"
            + " to its committee: 201 with the notice; 400 naming the field (a text that does not fit one SMS, an end"
            + " in the past or more than 31 days ahead, an unknown category or integrity)")
    public Response send(@PathParam("code") String code, NoticeRequest request) {
        if (request == null) {
            throw ApiProblem.invalidField("text", "a JSON body with text and until is required");
        }
        Community community = CommunityResource.find(communities, code);
        Category category = category(request.category());
        Instant until = request.until() == null ? null : request.until().toInstant();
        SendCommunityNotice.Outcome outcome = sendNotice.send(
                new SendCommunityNotice.Draft(community, category, request.text(), until),
                Actor.staff(identity.getPrincipal().getName(), Channel.API), null);
        if (outcome instanceof SendCommunityNotice.Refused refused) {
            throw ApiProblem.invalidField(refused.problem().field, problem(refused, community));
        }
        CommunityNotice notice = ((SendCommunityNotice.Sent) outcome).notice();
        return Response.status(Response.Status.CREATED)
                .entity(NoticeView.of(notice, recipients.countsOf(notice), clock.instant())).build();
    }

    private static Category category(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (name.equals(Category.INTEGRITY.apiName())) {
            throw ApiProblem.invalidField("category",
                    "a notice is never about an integrity complaint (those go to the agency, never to a whole community)");
        }
        return NOTICE_CATEGORIES.stream().filter(c -> c.apiName().equals(name)).findFirst()
                .orElseThrow(() -> ApiProblem.invalidField("category",
                        "must be one of outage, quality, leak, billing, other, or left out"));
    }

    private static String problem(SendCommunityNotice.Refused refused, Community community) {
        return switch (refused.problem()) {
            case TEXT_MISSING -> "is required";
            case TEXT_TOO_LONG -> "does not fit one SMS: at most " + refused.maxText() + " characters for this"
                    + " community (the SMS reads \"" + SmsBundles.texts("es").communityNotice(
                            Gsm7.transliterate(community.name), "…") + "\")";
            case UNTIL_MISSING -> "is required: when the notice ends, ISO-8601 with an offset";
            case UNTIL_PAST -> "must be in the future";
            case UNTIL_TOO_FAR -> "must be at most " + SendCommunityNotice.LONGEST.toDays() + " days ahead";
            case INTEGRITY -> "a notice is never about an integrity complaint";
            case ONE_A_DAY -> "the committee already sent its notice today";
        };
    }
}
