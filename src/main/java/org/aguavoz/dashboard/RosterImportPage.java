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
import java.util.Arrays;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.staff.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Communities and committee rosters from a CSV file: a preview row by row first, then all rows or none. */
@Path("/communities/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class RosterImportPage {

    /** A roster of a few hundred communities is a few tens of kilobytes; this is far above any real one. */
    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    /** Hyphenated: the page is {@code roster-import.html}, as {@code import} cannot name a method. */
    @CheckedTemplate(basePath = "dashboard", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance rosterImport(RosterCsvImport.Preview preview, String csv, String csrf,
                String user, String language);
    }

    private final RosterCsvImport rosterImport;
    private final SecurityIdentity identity;

    RosterImportPage(RosterCsvImport rosterImport, SecurityIdentity identity) {
        this.rosterImport = rosterImport;
        this.identity = identity;
    }

    @GET
    public Response importForm(@QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String token = Csrf.tokenFor(csrfCookie);
        String language = PageLanguage.choose(lang, langCookie);
        return Response.ok(page(null, "", token, language)).cookie(Csrf.cookie(token)).build();
    }

    /** Shows what the file would do, row by row; stores nothing. */
    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response preview(@RestForm("file") FileUpload file, @RestForm(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = PageLanguage.choose(null, langCookie);
        String csv = file == null ? "" : read(file);
        RosterCsvImport.Preview preview = rosterImport.check(csv, PageLanguage.texts(language));
        return Response.ok(page(preview, csv, csrf, language)).build();
    }

    /** Stores the previewed file, all rows or none (checked again: the database may have changed meanwhile). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importRoster(@FormParam("csv") String csv, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        Csrf.check(csrf, csrfCookie);
        String language = PageLanguage.choose(null, langCookie);
        RosterCsvImport.Preview result = rosterImport.apply(csv, PageLanguage.texts(language));
        if (!result.ok()) {
            return Response.ok(page(result, csv, csrf, language)).build();
        }
        return Response.seeOther(URI.create("/communities?imported=" + result.importable())).build();
    }

    private TemplateInstance page(RosterCsvImport.Preview preview, String csv, String csrf, String language) {
        return Templates.rosterImport(preview, csv, csrf, identity.getPrincipal().getName(), language)
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
