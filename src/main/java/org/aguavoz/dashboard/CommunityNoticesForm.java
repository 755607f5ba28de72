package org.aguavoz.dashboard;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.notices.SendCommunityNotice;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;

/**
 * The community page's notice form: sends it through the same use case as the API and the committee's AVISO, then
 * back to the page. A refused notice shows the page again with the reason and what was typed, nothing sent.
 */
@Path("/communities/{code: [0-9]{1,6}}/notices")
@Produces(MediaType.TEXT_HTML)
public class CommunityNoticesForm {

    private final Communities communities;
    private final SendCommunityNotice sendNotice;
    private final CommunityPage communityPage;
    private final SecurityIdentity identity;

    CommunityNoticesForm(Communities communities, SendCommunityNotice sendNotice, CommunityPage communityPage,
            SecurityIdentity identity) {
        this.communities = communities;
        this.sendNotice = sendNotice;
        this.communityPage = communityPage;
        this.identity = identity;
    }

    /** {@code until}: a {@code datetime-local} value, read in the agency's time zone. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response send(@PathParam("code") String code, @FormParam("category") String category,
            @FormParam("text") String text, @FormParam("until") String until, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        String language = PageLanguage.choose(null, langCookie);
        UiTexts ui = PageLanguage.texts(language);
        CommunityPage.NoticeDraft typed = new CommunityPage.NoticeDraft(category == null ? "" : category,
                text == null ? "" : text, until == null ? "" : until);
        Optional<Category> chosen = Arrays.stream(Category.values())
                .filter(c -> c != Category.INTEGRITY && c.apiName().equals(typed.category())).findFirst();
        if (chosen.isEmpty() && !typed.category().isEmpty()) {
            return communityPage.render(community, ui.problemNoticeCategory(), typed, language, csrfCookie,
                    Response.Status.BAD_REQUEST);
        }
        SendCommunityNotice.Outcome outcome = sendNotice.send(new SendCommunityNotice.Draft(community,
                chosen.orElse(null), typed.text(), moment(typed.until())),
                Actor.staff(identity.getPrincipal().getName(), Channel.DASHBOARD), null);
        if (outcome instanceof SendCommunityNotice.Refused refused) {
            String problem = switch (refused.problem()) {
                case TEXT_MISSING, TEXT_TOO_LONG, ONE_A_DAY -> ui.problemNoticeText(refused.maxText());
                case UNTIL_MISSING, UNTIL_PAST, UNTIL_TOO_FAR -> ui.problemNoticeUntil(SendCommunityNotice.LONGEST.toDays());
                case INTEGRITY -> ui.problemNoticeCategory();
            };
            return communityPage.render(community, problem, typed, language, csrfCookie, Response.Status.BAD_REQUEST);
        }
        return Response.seeOther(URI.create("/communities/" + code)).build();
    }

    /** The form's local date and time in the agency's zone; null when missing or unreadable (refused as missing). */
    private static Instant moment(String local) {
        try {
            return local.isBlank() ? null : LocalDateTime.parse(local.strip()).atZone(Agency.get().zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
