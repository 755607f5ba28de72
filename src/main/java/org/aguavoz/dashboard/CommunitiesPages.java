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
import org.aguavoz.staff.Roles;
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

    CommunitiesPages(Communities communities, CommitteeMemberships memberships, RosterCsvImport rosterImport,
            SecurityIdentity identity) {
        this.communities = communities;
        this.memberships = memberships;
        this.rosterImport = rosterImport;
        this.identity = identity;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public TemplateInstance communities(@QueryParam("imported") Integer imported, @QueryParam("lang") String lang,
            @CookieParam(DashboardResource.LANGUAGE_COOKIE) String langCookie) {
        String language = DashboardResource.language(lang, langCookie);
        List<CommunityRow> rows = communities.allByCode().stream().map(c -> new CommunityRow(c.code, c.name,
                String.join(" | ", c.aliases.stream().map(a -> a.alias).toList()), memberships.current(c).size())).toList();
        return page(list, language).data("rows", rows).data("imported", imported == null ? -1 : imported);
    }

    @GET
    @Path("{code: [0-9]{1,6}}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public TemplateInstance community(@PathParam("code") String code, @QueryParam("lang") String lang,
            @CookieParam(DashboardResource.LANGUAGE_COOKIE) String langCookie) {
        Community community = communities.byCode(code).orElseThrow(NotFoundException::new);
        ZoneId zone = Agency.get().zone();
        boolean seesNumbers = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF); // viewers see none
        List<MemberRow> members = memberships.roster(community).stream().map(m -> new MemberRow(m.id, m.name,
                m.role.apiName(), seesNumbers ? m.phone : new org.aguavoz.phones.PhoneNumber(m.phone).masked(),
                DAY.format(m.startedAt.atZone(zone)), m.endedAt == null ? "" : DAY.format(m.endedAt.atZone(zone)),
                m.isCurrent())).toList();
        return page(one, DashboardResource.language(lang, langCookie)).data("code", community.code)
                .data("name", community.name).data("members", members);
    }

    @GET
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response importForm(@QueryParam("lang") String lang, @CookieParam(DashboardResource.LANGUAGE_COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String token = Csrf.tokenFor(csrfCookie);
        return Response.ok(page(importPage, DashboardResource.language(lang, langCookie)).data("csrf", token)
                .data("preview", null).data("csv", "")).cookie(Csrf.cookie(token)).build();
    }

    /** Shows what the file would do, row by row; stores nothing. */
    @POST
    @Path("import/preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response preview(@RestForm("file") FileUpload file, @RestForm(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(DashboardResource.LANGUAGE_COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = DashboardResource.language(null, langCookie);
        String csv = file == null ? "" : read(file);
        RosterCsvImport.Preview preview = rosterImport.check(csv, DashboardResource.ui(language));
        return Response.ok(page(importPage, language).data("csrf", csrf).data("preview", preview).data("csv", csv)).build();
    }

    /** Stores the previewed file, all rows or none (checked again: the database may have changed meanwhile). */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response importRoster(@FormParam("csv") String csv, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(DashboardResource.LANGUAGE_COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = DashboardResource.language(null, langCookie);
        RosterCsvImport.Preview result = rosterImport.apply(csv, DashboardResource.ui(language));
        if (!result.ok()) {
            return Response.ok(page(importPage, language).data("csrf", csrf).data("preview", result).data("csv", csv)).build();
        }
        return Response.seeOther(URI.create("/communities?imported=" + result.importable())).build();
    }

    private TemplateInstance page(Template template, String language) {
        return template.data("user", identity.getPrincipal().getName()).data("language", language)
                .data("canEdit", identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF))
                .setLocale(Locale.forLanguageTag(language));
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
