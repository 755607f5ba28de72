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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.intake.sms.InboundMessage;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketEvent;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Lateness;
import org.aguavoz.tickets.Tickets;
import org.aguavoz.tickets.Visibility;

/**
 * The agency's dashboard: server-rendered pages (Qute, escaped by default), no JavaScript needed. Logged in with
 * the staff accounts through the form login; viewers read, staff and admins act.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    /** Shared with the public figures page, so one choice of language holds on every page. */
    public static final String LANGUAGE_COOKIE = "aguavoz-lang";
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Location("dashboard/login.html")
    Template login;

    @Location("dashboard/tickets.html")
    Template ticketsPage;

    @Location("dashboard/ticket.html")
    Template ticketPage;

    private final EntityManager em;
    private final Tickets tickets;
    private final SecurityIdentity identity;
    private final Clock clock;

    DashboardResource(EntityManager em, Tickets tickets, SecurityIdentity identity, Clock clock) {
        this.em = em;
        this.tickets = tickets;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error, @QueryParam("lang") String lang,
            @CookieParam(LANGUAGE_COOKIE) String langCookie) {
        String language = language(lang, langCookie);
        TemplateInstance page = login.data("error", error != null).data("language", language).data("user", null);
        return withLanguage(Response.ok(page.setLocale(Locale.forLanguageTag(language))), lang, language).build();
    }

    /** Ends the session: the form login keeps it in an encrypted cookie, so removing the cookie ends it. */
    @GET
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder("aguavoz-session").value("").path("/").maxAge(0).build()).build();
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response openTickets(@QueryParam("community") String community, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("late") String late, @QueryParam("q") String search,
            @QueryParam("page") @DefaultValue("1") int page, @QueryParam("lang") String lang,
            @CookieParam(LANGUAGE_COOKIE) String langCookie) {
        String language = language(lang, langCookie);
        UiTexts ui = ui(language);
        if (search != null && search.strip().matches("[0-9]{4,6}") && tickets.byReference(search.strip()).isPresent()) {
            return Response.seeOther(URI.create("/tickets/" + search.strip())).build();
        }
        Instant now = clock.instant();
        ZoneId zone = Agency.get().zone();
        Optional<TicketStatus> statusFilter = parse(status, TicketStatus.class);
        Optional<Category> categoryFilter = parse(category, Category.class);
        boolean onlyLate = "true".equals(late);
        StringBuilder where = new StringBuilder(" where t.status in :statuses");
        if (community != null && community.matches("[0-9]{1,6}")) {
            where.append(" and c.code = :community");
        }
        categoryFilter.ifPresent(c -> where.append(" and t.category = :category"));
        if (onlyLate) {
            where.append(" and ").append(Lateness.LATE);
        }
        // Most urgent first: late tickets, then by the deadline each is working towards.
        var query = Lateness.bind(em.createQuery("select t from Ticket t join fetch t.community c" + where
                + " order by case when " + Lateness.LATE + " then 0 else 1 end, " + Lateness.WORKING_DEADLINE + ", t.id",
                Ticket.class), now)
                .setParameter("statuses", statusFilter.map(Set::of).orElse(TicketStatus.UNFINISHED));
        if (community != null && community.matches("[0-9]{1,6}")) {
            query.setParameter("community", community);
        }
        categoryFilter.ifPresent(c -> query.setParameter("category", c));
        int pageNumber = Math.max(1, page);
        List<Ticket> found = query.setFirstResult((pageNumber - 1) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList();
        boolean more = found.size() > PAGE_SIZE;
        List<DashboardViews.Row> rows = found.stream().limit(PAGE_SIZE).map(t -> new DashboardViews.Row(t.reference,
                t.community.code + " " + t.community.name, categoryLabel(t.category, ui), statusLabel(t.status, ui),
                WHEN.format(t.createdAt.atZone(zone)), dueText(t, now, ui), t.isLate(now))).toList();

        List<DashboardViews.Count> counts = new ArrayList<>();
        for (Object[] row : em.createQuery("select t.status, count(t) from Ticket t group by t.status", Object[].class)
                .getResultList()) {
            counts.add(new DashboardViews.Count(statusLabel((TicketStatus) row[0], ui), (Long) row[1]));
        }
        counts.sort(Comparator.comparing(DashboardViews.Count::status));
        List<DashboardViews.Option> statuses = new ArrayList<>();
        for (TicketStatus s : TicketStatus.values()) {
            statuses.add(new DashboardViews.Option(s.apiName(), statusLabel(s, ui), statusFilter.equals(Optional.of(s))));
        }
        List<DashboardViews.Option> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(new DashboardViews.Option(c.apiName(), categoryLabel(c, ui), categoryFilter.equals(Optional.of(c))));
        }
        TemplateInstance instance = ticketsPage.data("rows", rows).data("counts", counts).data("statuses", statuses)
                .data("categories", categories).data("community", community == null ? "" : community)
                .data("onlyLate", onlyLate).data("previousPage", pageNumber > 1 ? pageNumber - 1 : 0)
                .data("nextPage", more ? pageNumber + 1 : 0)
                .data("query", filterQuery(community, category, status, late)).data("user", identity.getPrincipal().getName())
                .data("language", language).setLocale(Locale.forLanguageTag(language));
        return withLanguage(Response.ok(instance), lang, language).build();
    }

    @GET
    @Path("tickets/{reference}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response ticket(@PathParam("reference") String reference, @QueryParam("refused") String refused,
            @QueryParam("lang") String lang, @CookieParam(LANGUAGE_COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Ticket ticket = find(reference);
        String language = language(lang, langCookie);
        UiTexts ui = ui(language);
        Instant now = clock.instant();
        ZoneId zone = Agency.get().zone();
        boolean staff = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF);
        Visibility visibility = Visibility.of(identity);
        String token = Csrf.tokenFor(csrfCookie);
        DashboardViews.TicketPage page = new DashboardViews.TicketPage(ticket.reference,
                ticket.community.code + " " + ticket.community.name, categoryLabel(ticket.category, ui),
                statusLabel(ticket.status, ui), reporter(ticket, visibility, ui), description(ticket, visibility, ui),
                WHEN.format(ticket.acknowledgeDueAt.atZone(zone)), WHEN.format(ticket.resolveDueAt.atZone(zone)),
                ticket.isLate(now), dueText(ticket, now, ui),
                ticket.recordingSid != null && visibility.hearsRecording(ticket), timeline(ticket, visibility, zone, ui, language),
                staff, staff && ticket.status == TicketStatus.OPEN, staff && ticket.isUnfinished(),
                staff && ticket.isUnfinished(), staff && ticket.status != TicketStatus.CLOSED,
                staff && (ticket.status == TicketStatus.RESOLVED || ticket.status == TicketStatus.CLOSED), refused != null,
                ticket.mergedInto == null ? "" : ticket.mergedInto.reference);
        TemplateInstance instance = ticketPage.data("t", page).data("csrf", token).data("user", identity.getPrincipal().getName())
                .data("language", language).setLocale(Locale.forLanguageTag(language));
        return withLanguage(Response.ok(instance), lang, language).cookie(Csrf.cookie(token)).build();
    }

    /** Events and SMS in order; a viewer of a protected ticket sees that SMS went and came, not what they said. */
    private List<DashboardViews.Entry> timeline(Ticket ticket, Visibility visibility, ZoneId zone, UiTexts ui,
            String language) {
        record Timed(Instant at, DashboardViews.Entry entry) {
        }
        boolean words = visibility.seesReporterWords(ticket);
        List<Timed> entries = new ArrayList<>();
        for (TicketEvent event : ticket.events) {
            String who = event.actorName != null ? event.actorName : event.actorType.apiName();
            String note = event.noteIn(language) == null ? "" : visibility.note(ticket, event, language).orElse(ui.hiddenWords());
            entries.add(new Timed(event.occurredAt, new DashboardViews.Entry(WHEN.format(event.occurredAt.atZone(zone)),
                    event.type.apiName(), who, note, "")));
        }
        for (InboundMessage message : InboundMessage.<InboundMessage>list("ticketId", ticket.id)) {
            entries.add(new Timed(message.receivedAt, new DashboardViews.Entry(WHEN.format(message.receivedAt.atZone(zone)),
                    ui.smsIn(), "", words ? message.body : ui.hiddenWords(), "")));
        }
        // Notices to the agency and committees quote the report: hidden with the reporter's own SMS.
        for (OutboundMessage message : OutboundMessage.<OutboundMessage>list("ticketId", ticket.id)) {
            entries.add(new Timed(message.createdAt, new DashboardViews.Entry(WHEN.format(message.createdAt.atZone(zone)),
                    ui.smsOut(new PhoneNumber(message.toPhone).masked()), "", words ? message.body : ui.hiddenWords(),
                    message.status.name().toLowerCase(Locale.ROOT))));
        }
        entries.sort(Comparator.comparing(Timed::at));
        return entries.stream().map(Timed::entry).toList();
    }

    private static String reporter(Ticket ticket, Visibility visibility, UiTexts ui) {
        if (ticket.reporterPhone == null) {
            return "";
        }
        return visibility.reporterPhone(ticket).orElse(ui.hiddenNumber());
    }

    private static String description(Ticket ticket, Visibility visibility, UiTexts ui) {
        if (ticket.description == null) {
            return "";
        }
        return visibility.description(ticket).orElse(ui.hiddenWords());
    }

    private static String dueText(Ticket ticket, Instant now, UiTexts ui) {
        if (!ticket.isUnfinished()) {
            return "";
        }
        Instant due = ticket.workingDeadline();
        Duration left = Duration.between(now, due);
        if (left.isNegative()) {
            Duration late = left.negated();
            return late.toHours() >= 1 ? ui.hoursLate(late.toHours()) : ui.minutesLate(late.toMinutes());
        }
        return left.toHours() >= 1 ? ui.dueInHours(left.toHours()) : ui.dueInMinutes(left.toMinutes());
    }

    static String statusLabel(TicketStatus status, UiTexts ui) {
        return switch (status) {
            case OPEN -> ui.statusOpen();
            case ACKNOWLEDGED -> ui.statusAcknowledged();
            case IN_PROGRESS -> ui.statusInProgress();
            case RESOLVED -> ui.statusResolved();
            case CLOSED -> ui.statusClosed();
        };
    }

    /** The dashboard's words for the categories: one translation of each, wherever it is shown. */
    public static String categoryLabel(Category category, UiTexts ui) {
        return switch (category) {
            case OUTAGE -> ui.categoryOutage();
            case QUALITY -> ui.categoryQuality();
            case LEAK -> ui.categoryLeak();
            case BILLING -> ui.categoryBilling();
            case INTEGRITY -> ui.categoryIntegrity();
            case OTHER -> ui.categoryOther();
        };
    }

    private Ticket find(String reference) {
        if (reference == null || !reference.matches("[0-9]{4,6}")) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return tickets.byReference(reference).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

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

    public static String language(String requested, String cookie) {
        String language = requested != null ? requested : cookie;
        return "en".equals(language) ? "en" : "es";
    }

    /** Looked up once per language, as SmsBundles does: a CDI lookup per page would be work done again each time. */
    static UiTexts ui(String language) {
        return UI.computeIfAbsent(language, l -> MessageBundles.get(UiTexts.class, Localized.Literal.of(l)));
    }

    private static final java.util.Map<String, UiTexts> UI = new java.util.concurrent.ConcurrentHashMap<>();

    /** A ?lang= choice is remembered in a cookie. */
    public static Response.ResponseBuilder withLanguage(Response.ResponseBuilder response, String requested, String language) {
        if (requested != null) {
            response.cookie(new NewCookie.Builder(LANGUAGE_COOKIE).value(language).path("/").maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
        return response;
    }
}
