package org.aguavoz.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.intake.sms.InboundMessage;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketEvent;
import org.aguavoz.tickets.TicketStatus;
import org.aguavoz.tickets.Tickets;
import org.aguavoz.tickets.Visibility;

/**
 * One ticket: what was reported, its deadlines, the other reports of its incident, its timeline with the SMS that
 * went and came, and the forms of the actions this user may take (they post to {@link TicketActionsResource}). What
 * is hidden is decided by {@link Visibility}.
 */
@Path("/tickets/{reference}")
@Produces(MediaType.TEXT_HTML)
public class TicketPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance ticket(DashboardViews.TicketDetails t, String csrf, String user,
                String language);
    }

    private final Tickets tickets;
    private final SecurityIdentity identity;
    private final Clock clock;

    TicketPage(Tickets tickets, SecurityIdentity identity, Clock clock) {
        this.tickets = tickets;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    public Response ticket(@PathParam("reference") String reference, @QueryParam("refused") String refused,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Ticket ticket = tickets.byReference(reference).orElseThrow(NotFoundException::new);
        String language = PageLanguage.choose(lang, langCookie);
        UiTexts ui = PageLanguage.texts(language);
        Instant now = clock.instant();
        ZoneId zone = Agency.get().zone();
        boolean staff = identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF);
        Visibility visibility = Visibility.of(identity);
        String token = Csrf.tokenFor(csrfCookie);
        DashboardViews.TicketDetails page = new DashboardViews.TicketDetails(ticket.reference,
                ticket.community.code + " " + ticket.community.name, Labels.category(ticket.category, ui),
                Labels.status(ticket.status, ui), reporter(ticket, visibility, ui), description(ticket, visibility, ui),
                WHEN.format(ticket.acknowledgeDueAt.atZone(zone)), WHEN.format(ticket.resolveDueAt.atZone(zone)),
                ticket.isLate(now), Labels.due(ticket, now, ui),
                ticket.recordingSid != null && visibility.hearsRecording(ticket), timeline(ticket, visibility, zone, ui, language),
                staff, staff && ticket.status == TicketStatus.OPEN, staff && ticket.isUnfinished(),
                staff && ticket.isUnfinished(), staff && ticket.status != TicketStatus.CLOSED,
                staff && (ticket.status == TicketStatus.RESOLVED || ticket.status == TicketStatus.CLOSED),
                staff && ticket.incident != null && !ticket.reference.equals(ticket.incident.reference),
                refusal(refused, ticket, ui), ticket.mergedInto == null ? "" : ticket.mergedInto.reference,
                IncidentReports.of(ticket, visibility, zone, ui));
        TemplateInstance instance = Templates.ticket(page, token, identity.getPrincipal().getName(), language)
                .setLocale(Locale.forLanguageTag(language));
        return PageLanguage.remember(Response.ok(instance), lang, language).cookie(Csrf.cookie(token)).build();
    }

    /** Events and SMS in order; a viewer of a protected ticket sees that SMS went and came, not what they said. */
    private static List<DashboardViews.Entry> timeline(Ticket ticket, Visibility visibility, ZoneId zone, UiTexts ui,
            String language) {
        record Timed(Instant at, DashboardViews.Entry entry) {
        }
        boolean words = visibility.seesReporterWords(ticket);
        List<Timed> entries = new ArrayList<>();
        for (TicketEvent event : ticket.events) {
            String who = event.actorName != null ? event.actorName : Labels.actor(event.actorType, ui);
            String note = event.noteIn(language) == null ? "" : visibility.note(ticket, event, language).orElse(ui.hiddenWords());
            entries.add(new Timed(event.occurredAt, new DashboardViews.Entry(WHEN.format(event.occurredAt.atZone(zone)),
                    Labels.event(event.type, ui), who, note, "")));
        }
        for (InboundMessage message : InboundMessage.<InboundMessage>list("ticketId", ticket.id)) {
            entries.add(new Timed(message.receivedAt, new DashboardViews.Entry(WHEN.format(message.receivedAt.atZone(zone)),
                    ui.smsIn(), "", words ? message.body : ui.hiddenWords(), "")));
        }
        // Notices to the agency and committees quote the report: hidden with the reporter's own SMS.
        for (OutboundMessage message : OutboundMessage.<OutboundMessage>list("ticketId", ticket.id)) {
            entries.add(new Timed(message.createdAt, new DashboardViews.Entry(WHEN.format(message.createdAt.atZone(zone)),
                    ui.smsOut(new PhoneNumber(message.toPhone).masked()), "", words ? message.body : ui.hiddenWords(),
                    Labels.delivery(message, ui))));
        }
        entries.sort(Comparator.comparing(Timed::at));
        return entries.stream().map(Timed::entry).toList();
    }

    /**
     * Why the action just posted was refused ({@link TicketActionsResource} names split and merge). A split is told
     * from the report's state: the incident's first report stays, a report alone has nothing to leave.
     */
    private static String refusal(String refused, Ticket ticket, UiTexts ui) {
        if (refused == null) {
            return "";
        }
        return switch (refused) {
            case "split" -> ticket.incident == null ? ui.refusedSplitAlone()
                    : ticket.reference.equals(ticket.incident.reference) ? ui.refusedSplitFirst() : ui.refused();
            case "merge" -> ui.refusedMerge();
            default -> ui.refused();
        };
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
}
