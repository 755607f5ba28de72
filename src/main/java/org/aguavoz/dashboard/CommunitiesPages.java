package org.aguavoz.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import org.aguavoz.agency.Agency;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.CommunityRequest;
import org.aguavoz.communities.CreateCommunity;
import org.aguavoz.communities.EditCommunity;
import org.aguavoz.committees.ChangeRoster;
import org.aguavoz.committees.MemberRole;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import java.util.Optional;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Visibility;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Communities and their committees in the dashboard, and the import of rosters from CSV with a preview. */
@Path("/communities")
@Produces(MediaType.TEXT_HTML)
public class CommunitiesPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A roster of a few hundred communities is a few tens of kilobytes; this is far above any real one. */
    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    @TemplateData
    record CommunityRow(String code, String name, String aliases, long members) {
    }

    @TemplateData
    record MemberRow(long id, String name, String role, String phone, String since, String until, boolean current) {
    }

    @Location("dashboard/communities.html")
    Template list;

    @Location("dashboard/community.html")
    Template one;

    @Location("dashboard/import.html")
    Template importPage;

    private final Communities communities;
    private final CommitteeMemberships memberships;
    private final RosterCsvImport rosterImport;
    private final SecurityIdentity identity;
    private final CreateCommunity createCommunity;
    private final EditCommunity editCommunity;
    private final ChangeRoster changeRoster;
    private final PhoneNumbers phoneNumbers;

    CommunitiesPages(Communities communities, CommitteeMemberships memberships, RosterCsvImport rosterImport,
            SecurityIdentity identity, CreateCommunity createCommunity, EditCommunity editCommunity,
            ChangeRoster changeRoster, PhoneNumbers phoneNumbers) {
        this.createCommunity = createCommunity;
        this.editCommunity = editCommunity;
        this.changeRoster = changeRoster;
        this.phoneNumbers = phoneNumbers;
        this.communities = communities;
        this.memberships = memberships;
        this.rosterImport = rosterImport;
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
        return Response.ok(page(list, language).data("rows", rows).data("imported", imported == null ? -1 : imported)
                .data("problem", problemText(problem, PageLanguage.texts(language))).data("csrf", token))
                .cookie(Csrf.cookie(token)).build();
    }

    @GET
    @Path("{code: [0-9]{1,6}}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response community(@PathParam("code") String code, @QueryParam("problem") String problem,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        ZoneId zone = Agency.get().zone();
        Visibility visibility = Visibility.of(identity);
        List<MemberRow> members = memberships.roster(community).stream().map(m -> new MemberRow(m.id, m.name,
                m.role.apiName(), visibility.memberPhone(m.phone),
                DAY.format(m.startedAt.atZone(zone)), m.endedAt == null ? "" : DAY.format(m.endedAt.atZone(zone)),
                m.isCurrent())).toList();
        String language = PageLanguage.choose(lang, langCookie);
        String token = Csrf.tokenFor(csrfCookie);
        return Response.ok(page(one, language).data("code", community.code).data("name", community.name)
                .data("aliases", String.join(" | ", community.aliases.stream().map(a -> a.alias).toList()))
                .data("members", members).data("roles", Arrays.stream(MemberRole.values()).map(MemberRole::apiName).toList())
                .data("problem", problemText(problem, PageLanguage.texts(language))).data("csrf", token))
                .cookie(Csrf.cookie(token)).build();
    }

    @GET
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response importForm(@QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String token = Csrf.tokenFor(csrfCookie);
        return Response.ok(page(importPage, PageLanguage.choose(lang, langCookie)).data("csrf", token)
                .data("preview", null).data("csv", "")).cookie(Csrf.cookie(token)).build();
    }

    /** Shows what the file would do, row by row; stores nothing. */
    @POST
    @Path("import/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response preview(@RestForm("file") FileUpload file, @RestForm(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = PageLanguage.choose(null, langCookie);
        String csv = file == null ? "" : read(file);
        RosterCsvImport.Preview preview = rosterImport.check(csv, PageLanguage.texts(language));
        return Response.ok(page(importPage, language).data("csrf", csrf).data("preview", preview).data("csv", csv)).build();
    }

    /** Stores the previewed file, all rows or none (checked again: the database may have changed meanwhile). */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response importRoster(@FormParam("csv") String csv, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = PageLanguage.choose(null, langCookie);
        RosterCsvImport.Preview result = rosterImport.apply(csv, PageLanguage.texts(language));
        if (!result.ok()) {
            return Response.ok(page(importPage, language).data("csrf", csrf).data("preview", result).data("csv", csv)).build();
        }
        return Response.seeOther(URI.create("/communities?imported=" + result.importable())).build();
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
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            return problem("/communities", "name");
        }
        try {
            createCommunity.create(new CommunityRequest(trimmed, name.strip(), split(aliases), null, null));
        } catch (CreateCommunity.Refused refused) {
            return problem("/communities", refused.field);
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
            return problem("/communities/" + code, refused.field);
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

    private TemplateInstance page(Template template, String language) {
        return template.data("user", identity.getPrincipal().getName()).data("language", language)
                .data("canEdit", identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF))
                .setLocale(Locale.forLanguageTag(language));
    }

    private static String problemText(String field, UiTexts ui) {
        if (field == null) {
            return "";
        }
        return switch (field) {
            case "name" -> ui.problemName();
            case "aliases" -> ui.problemAliases();
            case "phone" -> ui.problemPhone();
            case "member" -> ui.problemMember();
            default -> ui.problemCode();
        };
    }

    /** UTF-8 as saved by "CSV UTF-8"; otherwise Windows-1252, what Excel in Spanish saves as plain "CSV". */
    private static String read(FileUpload file) {
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            if (bytes.length > MAX_CSV_BYTES) {
                bytes = Arrays.copyOf(bytes, MAX_CSV_BYTES);
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, Charset.forName("windows-1252"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
