package org.aguavoz.dashboard;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.outbox.OutboxBacklog;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Tickets;

/**
 * The dashboard's home: unfinished tickets, most urgent first, an incident as one row with its report count (see
 * {@link OpenTicketRows}), with filters, a search by reference and counts of reports per status. The page updates
 * itself from {@link LiveResource}; it needs no JavaScript to work.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OpenTicketsPage {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance tickets(DashboardViews.OpenTickets page, String csrf, String user, String language);
    }

    private final EntityManager em;
    private final OpenTicketRows rows;
    private final Tickets tickets;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final OutboxBacklog backlog;

    OpenTicketsPage(EntityManager em, OpenTicketRows rows, Tickets tickets, SecurityIdentity identity, Clock clock,
            OutboxBacklog backlog) {
        this.em = em;
        this.rows = rows;
        this.tickets = tickets;
        this.identity = identity;
        this.clock = clock;
        this.backlog = backlog;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response openTickets(@QueryParam("community") String community, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("late") String late, @QueryParam("q") String search,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("lang") String lang,
            @CookieParam(PageLanguage.COOKIE) String langCookie, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        UiTexts ui = PageLanguage.texts(language);
        if (search != null && search.strip().matches("[0-9]{4,6}") && tickets.byReference(search.strip()).isPresent()) {
            return Response.seeOther(URI.create("/tickets/" + search.strip())).build();
        }
        Instant now = clock.instant();
        ZoneId zone = Agency.get().zone();
        Optional<TicketStatus> statusFilter = parse(status, TicketStatus.class);
        Optional<Category> categoryFilter = parse(category, Category.class);
        boolean onlyLate = "true".equals(late);
        Optional<String> communityFilter = Optional.ofNullable(community).filter(c -> c.matches("[0-9]{1,6}"));
        int pageNumber = Math.max(1, page);
        var filters = new OpenTicketRows.Filters(statusFilter.map(Set::of).orElse(TicketStatus.UNFINISHED),
                communityFilter, categoryFilter, onlyLate);
        List<OpenTicketRows.Found> found = rows.page(filters, now, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        List<DashboardViews.Row> shown = found.stream().limit(PAGE_SIZE).map(f -> row(f, zone, now, ui)).toList();

        List<DashboardViews.Count> counts = new ArrayList<>();
        for (Object[] row : em.createQuery("select t.status, count(t) from Ticket t group by t.status", Object[].class)
                .getResultList()) {
            counts.add(new DashboardViews.Count(Labels.status((TicketStatus) row[0], ui), (Long) row[1]));
        }
        counts.sort(Comparator.comparing(DashboardViews.Count::status));
        List<DashboardViews.Option> statuses = new ArrayList<>();
        for (TicketStatus s : TicketStatus.values()) {
            statuses.add(new DashboardViews.Option(s.apiName(), Labels.status(s, ui), statusFilter.equals(Optional.of(s))));
        }
        List<DashboardViews.Option> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(new DashboardViews.Option(c.apiName(), Labels.category(c, ui), categoryFilter.equals(Optional.of(c))));
        }
        DashboardViews.OpenTickets view = new DashboardViews.OpenTickets(shown, counts, statuses, categories,
                community == null ? "" : community, onlyLate, pageNumber > 1 ? pageNumber - 1 : 0, more ? pageNumber + 1 : 0,
                filterQuery(community, category, status, late), sms());
        String token = Csrf.tokenFor(csrfCookie); // for the logout button
        TemplateInstance instance = Templates.tickets(view, token, identity.getPrincipal().getName(), language)
                .setLocale(Locale.forLanguageTag(language));
        return PageLanguage.remember(Response.ok(instance), lang, language).cookie(Csrf.cookie(token)).build();
    }

    /** An incident is shown and linked by its reference, the one its committee knows; a lone report by its own. */
    private static DashboardViews.Row row(OpenTicketRows.Found found, ZoneId zone, Instant now, UiTexts ui) {
        Ticket t = found.ticket();
        return new DashboardViews.Row(t.incidentReference(), found.reports(), t.community.code + " " + t.community.name,
                Labels.category(t.category, ui), Labels.status(t.status, ui), WHEN.format(t.createdAt.atZone(zone)),
                Labels.due(t, now, ui), t.isLate(now));
    }

    /** Failed SMS are listed by their ticket (at most five): the page is for acting, not for the whole history. */
    private DashboardViews.Sms sms() {
        OutboxBacklog.Summary summary = backlog.summary(5);
        List<String> failedTickets = summary.failedTicketIds().stream().map(id -> Ticket.<Ticket>findById(id))
                .filter(java.util.Objects::nonNull).map(t -> t.reference).toList();
        return new DashboardViews.Sms(summary.waiting(), summary.oldestWaiting().map(Duration::toMinutes).orElse(0L),
                summary.failedLastDay(), failedTickets);
    }

    /** The filters again, for the links to the previous and next page; only values that could be real ones. */
    private static String filterQuery(String community, String category, String status, String late) {
        StringBuilder query = new StringBuilder();
        append(query, "community", community);
        append(query, "category", category);
        append(query, "status", status);
        append(query, "late", late);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && value.matches("[a-z0-9_]{1,20}")) {
            query.append('&').append(name).append('=').append(value);
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
