package org.aguavoz.dashboard;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.CommunityNames;
import org.aguavoz.communities.CommunityRequest;
import org.aguavoz.communities.CreateCommunity;
import org.aguavoz.communities.EditCommunity;
import org.aguavoz.committees.ChangeRoster;
import org.aguavoz.committees.MemberRole;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import java.util.Optional;
import org.aguavoz.staff.Roles;

/**
 * Communities and their committees in the dashboard (rosters from a CSV file: {@link RosterImportPage}; the page of
 * one community: {@link CommunityPage}; its notices: {@link CommunityNoticesForm}).
 */
@Path("/communities")
@Produces(MediaType.TEXT_HTML)
public class CommunitiesPages {

    /** The list, with the outcome of an import or the reason a new community was refused. */
    @TemplateData
    record CommunitiesView(List<CommunityRow> rows, int imported, String problem, boolean canEdit) {
    }

    @TemplateData
    record CommunityRow(String code, String name, String aliases, long members) {
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance communities(CommunitiesView page, String csrf, String user, String language);
    }

    private final Communities communities;
    private final CommitteeMemberships memberships;
    private final SecurityIdentity identity;
    private final CreateCommunity createCommunity;
    private final EditCommunity editCommunity;
    private final ChangeRoster changeRoster;
    private final PhoneNumbers phoneNumbers;
    private final CommunityPage communityPage;

    CommunitiesPages(Communities communities, CommitteeMemberships memberships, SecurityIdentity identity,
            CreateCommunity createCommunity, EditCommunity editCommunity, ChangeRoster changeRoster,
            PhoneNumbers phoneNumbers, CommunityPage communityPage) {
        this.communityPage = communityPage;
        this.createCommunity = createCommunity;
        this.editCommunity = editCommunity;
        this.changeRoster = changeRoster;
        this.phoneNumbers = phoneNumbers;
        this.communities = communities;
        this.memberships = memberships;
        this.identity = identity;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response communities(@QueryParam("imported") Integer imported, @QueryParam("problem") String problem,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        List<CommunityRow> rows = communities.allByCode().stream().map(c -> new CommunityRow(c.code, c.name,
                String.join(" | ", c.aliases.stream().map(a -> a.alias).toList()), memberships.current(c).size())).toList();
        String token = Csrf.tokenFor(csrfCookie);
        CommunitiesView page = new CommunitiesView(rows, imported == null ? -1 : imported,
                problemText(problem, PageLanguage.texts(language)), canEdit());
        TemplateInstance instance = Templates.communities(page, token, user(), language)
                .setLocale(Locale.forLanguageTag(language));
        return Response.ok(instance).cookie(Csrf.cookie(token)).build();
    }

    @GET
    @Path("{code: [0-9]{1,6}}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response community(@PathParam("code") String code, @QueryParam("problem") String problem,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        String language = PageLanguage.choose(lang, langCookie);
        return communityPage.render(community, problemText(problem, PageLanguage.texts(language)),
                CommunityPage.NoticeDraft.EMPTY, language, csrfCookie, Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response create(@FormParam("code") String code, @FormParam("name") String name, @FormParam("aliases") String aliases,
            @FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        String trimmed = code == null ? "" : code.strip();
        if (!trimmed.matches("[0-9]{1,6}")) {
            return problem("/communities", "code");
        }
        try {
            createCommunity.create(new CommunityRequest(trimmed, name, split(aliases), null, null));
        } catch (CreateCommunity.Refused refused) {
            return problem("/communities", communityField(refused));
        }
        return Response.seeOther(URI.create("/communities/" + trimmed)).build();
    }

    @POST
    @Path("{code: [0-9]{1,6}}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response edit(@PathParam("code") String code, @FormParam("newCode") String newCode, @FormParam("name") String name,
            @FormParam("aliases") String aliases, @FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        try {
            editCommunity.edit(community, newCode, name, split(aliases));
        } catch (CreateCommunity.Refused refused) {
            return problem("/communities/" + code, communityField(refused));
        }
        return Response.seeOther(URI.create("/communities/" + community.code)).build();
    }

    /** A new member; committees change every year, so the old ones stay in the history. */
    @POST
    @Path("{code: [0-9]{1,6}}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response addMember(@PathParam("code") String code, @FormParam("name") String name, @FormParam("phone") String phone,
            @FormParam("role") String role, @FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            return problem("/communities/" + code, "name");
        }
        Optional<PhoneNumber> number = phoneNumbers.parse(phone == null ? "" : phone);
        if (number.isEmpty()) {
            return problem("/communities/" + code, "phone");
        }
        MemberRole memberRole = Arrays.stream(MemberRole.values()).filter(r -> r.apiName().equals(role)).findFirst()
                .orElse(MemberRole.MEMBER);
        try {
            changeRoster.add(community, name, number.get(), memberRole);
        } catch (ChangeRoster.PhoneAlreadyOnCommittee taken) {
            return problem("/communities/" + code, "member");
        }
        return Response.seeOther(URI.create("/communities/" + code)).build();
    }

    @POST
    @Path("{code: [0-9]{1,6}}/members/{id: [0-9]+}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response endMember(@PathParam("code") String code, @PathParam("id") long id, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        CommitteeMembership member = CommitteeMembership.findById(id);
        if (member == null || !member.community.code.equals(code)) {
            throw new NotFoundException();
        }
        changeRoster.end(member);
        return Response.seeOther(URI.create("/communities/" + code)).build();
    }

    private static Response problem(String page, String field) {
        return Response.seeOther(URI.create(page + "?problem=" + (field == null ? "code" : field))).build();
    }

    private static List<String> split(String aliases) {
        return aliases == null ? List.of() : Arrays.stream(aliases.split("\\|")).map(String::strip).filter(a -> !a.isEmpty()).toList();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private boolean canEdit() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF);
    }

    /** "name" on these forms is also a member's name; the community's has its own rule and words. */
    private static String communityField(CreateCommunity.Refused refused) {
        return "name".equals(refused.field) ? "communityName" : refused.field;
    }

    private static String problemText(String field, UiTexts ui) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "name" -> ui.problemName();
            case "communityName" -> ui.problemCommunityName(CommunityNames.MAX_NAME);
            case "aliases" -> ui.problemAliases(CommunityNames.MAX_ALIAS);
            case "phone" -> ui.problemPhone();
            case "member" -> ui.problemMember();
            default -> ui.problemCode();
        };
    }
}
