package org.aguavoz.figures;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.dashboard.PageLanguage;
import org.aguavoz.dashboard.UiTexts;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The community audit: per-community figures anyone may read, with no login (application.properties keeps
 * {@code /public} out of the dashboard's protected paths) and no personal data (only aggregates leave the
 * database, see {@link ComputeFigures}).
 */
@Path("/public")
public class FiguresResource {

    static final String CSV = "text/csv; charset=UTF-8";

    @Location("figures/public.html")
    Template page;

    private final ComputeFigures compute;

    FiguresResource(ComputeFigures compute) {
        this.compute = compute;
    }

    /** A person who types an unknown period gets the default one and sees which period is shown. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public Response page(@QueryParam("days") String days, @QueryParam("lang") String lang,
            @CookieParam(PageLanguage.COOKIE) String langCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        Localized locale = Localized.Literal.of(language);
        Figures figures = compute.over(Period.parse(days).orElse(Period.DEFAULT));
        Agency agency = Agency.get();
        TemplateInstance instance = page
                .data("v", FiguresPage.of(figures, agency.zone(), MessageBundles.get(UiTexts.class, locale),
                        MessageBundles.get(FiguresTexts.class, locale)))
                .data("agency", agency.name).data("language", language)
                .setLocale(Locale.forLanguageTag(language));
        return PageLanguage.remember(Response.ok(instance), lang, language).build();
    }

    /** A script that asks for an unknown period gets a 400, never silently other figures than it asked for. */
    @GET
    @Path("figures.csv")
    @Produces(CSV)
    @Transactional
    public Response csv(@QueryParam("days") String days) {
        Figures figures = compute.over(strict(days));
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(FiguresColumns.names());
            for (CommunityFigures community : figures.communities()) {
                printer.printRecord(FiguresColumns.asCells(community));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString()).header("Content-Disposition",
                "attachment; filename=\"aguavoz-figures-" + figures.period().days() + "d.csv\"").build();
    }

    @GET
    @Path("figures.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Map<String, Object> json(@QueryParam("days") String days) {
        Figures figures = compute.over(strict(days));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("days", figures.period().days());
        body.put("from", figures.from().toString());
        body.put("to", figures.to().toString());
        List<Map<String, Object>> communities = figures.communities().stream().map(FiguresColumns::asFields).toList();
        body.put("communities", communities);
        return body;
    }

    private static Period strict(String days) {
        return Period.parse(days).orElseThrow(() -> ApiProblem.invalidField("days", "must be 30, 90 or 365"));
    }
}
