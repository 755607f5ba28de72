package org.aguavoz.dashboard;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
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
import org.aguavoz.agency.Agency;
import org.aguavoz.agency.QuietHours;
import org.aguavoz.notices.Route;
import org.aguavoz.notices.RoutingRule;
import org.aguavoz.staff.AddStaffUser;
import org.aguavoz.staff.Roles;
import org.aguavoz.staff.StaffRole;
import org.aguavoz.staff.StaffUser;
import org.aguavoz.staff.StaffUsers;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.CategoryDeadlines;

/**
 * The agency's settings, administrators only: deadlines per category (for tickets opened from then on), how close
 * reports must come to be one incident, who hears of new tickets, quiet hours and time zone, and the staff accounts.
 * The same rules as the JSON API apply.
 */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class SettingsPages {

    @TemplateData
    record SettingsView(List<CategoryRow> categories, String quietHours, String timeZone, boolean qualityOverride,
            List<UserRow> users, List<DashboardViews.Option> roles, boolean problem) {
    }

    /** {@code groupHours} empty: every report stands alone. */
    @TemplateData
    record CategoryRow(String code, String label, long acknowledgeHours, long resolveHours, String groupHours,
            boolean neverGroups, String route, boolean fixedRoute) {
    }

    @TemplateData
    record UserRow(long id, String username, String name, String role, boolean active, boolean self) {
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance settings(SettingsView page, String csrf, String user, String language);
    }

    private final SecurityIdentity identity;
    private final StaffUsers users;
    private final AddStaffUser addStaffUser;

    SettingsPages(SecurityIdentity identity, StaffUsers users, AddStaffUser addStaffUser) {
        this.identity = identity;
        this.users = users;
        this.addStaffUser = addStaffUser;
    }

    @GET
    @Transactional
    public Response show(@QueryParam("problem") String problem, @QueryParam("lang") String lang,
            @CookieParam(PageLanguage.COOKIE) String langCookie, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        UiTexts ui = PageLanguage.texts(language);
        List<CategoryRow> categories = CategoryDeadlines.<CategoryDeadlines>listAll().stream()
                .sorted(Comparator.comparing(c -> c.displayOrder))
                .map(c -> {
                    RoutingRule rule = RoutingRule.findById(c.code);
                    return new CategoryRow(c.code.apiName(), Labels.category(c.code, ui),
                            c.acknowledgeWithin.toHours(), c.resolveWithin.toHours(),
                            c.groupWithin == null ? "" : Long.toString(c.groupWithin.toHours()),
                            c.code == Category.INTEGRITY,
                            rule == null ? Route.COMMITTEE.name() : rule.route.name(), c.code == Category.INTEGRITY);
                }).toList();
        Agency agency = Agency.get();
        List<UserRow> staff = users.listAll().stream().sorted(Comparator.comparing((StaffUser u) -> u.username))
                .map(u -> new UserRow(u.id, u.username, u.displayName, Labels.staffRole(u.role, ui), u.active,
                        u.username.equals(identity.getPrincipal().getName()))).toList();
        String token = Csrf.tokenFor(csrfCookie);
        SettingsView page = new SettingsView(categories, QuietHours.format(agency.quietHours()), agency.timeZone,
                agency.qualityEscalationsIgnoreQuietHours, staff,
                Arrays.stream(StaffRole.values())
                        .map(r -> new DashboardViews.Option(r.roleName(), Labels.staffRole(r, ui), false)).toList(),
                problem != null);
        return Response.ok(Templates.settings(page, token, identity.getPrincipal().getName(), language)
                        .setLocale(Locale.forLanguageTag(language)))
                .cookie(Csrf.cookie(token)).build();
    }

    @POST
    @Path("categories/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response category(@PathParam("code") String code, @FormParam("acknowledge") long acknowledgeHours,
            @FormParam("resolve") long resolveHours, @FormParam("group") String groupHours,
            @FormParam("route") String route, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        Category category = Arrays.stream(Category.values()).filter(c -> c.apiName().equals(code)).findFirst()
                .orElseThrow(NotFoundException::new);
        if (acknowledgeHours < 1 || resolveHours > 8760 || resolveHours < acknowledgeHours) {
            return problem();
        }
        // The page sends the field always, empty for "each report on its own"; a form without it (an older page
        // still open in a browser) leaves the window as it is, like the API. Integrity has no field: never grouped.
        boolean groupGiven = groupHours != null && category != Category.INTEGRITY;
        Duration group = null;
        if (groupGiven && !groupHours.isBlank()) {
            long hours = groupHours.strip().matches("[0-9]{1,4}") ? Long.parseLong(groupHours.strip()) : 0;
            if (hours < 1 || hours > 8760) {
                return problem();
            }
            group = Duration.ofHours(hours);
        }
        CategoryDeadlines deadlines = CategoryDeadlines.findById(category);
        deadlines.acknowledgeWithin = Duration.ofHours(acknowledgeHours);
        deadlines.resolveWithin = Duration.ofHours(resolveHours);
        if (groupGiven) {
            deadlines.groupWithin = group;
        }
        // Integrity complaints go to the agency only: the database refuses any other rule for them.
        if (category != Category.INTEGRITY && route != null) {
            Route chosen = Arrays.stream(Route.values()).filter(r -> r.name().equals(route)).findFirst().orElse(null);
            RoutingRule rule = RoutingRule.findById(category);
            if (chosen != null && rule != null) {
                rule.route = chosen;
            }
        }
        return back();
    }

    @POST
    @Path("agency")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response agency(@FormParam("quietHours") String quietHours, @FormParam("timeZone") String timeZone,
            @FormParam("qualityOverride") String qualityOverride, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        Agency agency = Agency.get();
        String zone;
        java.util.Optional<QuietHours> hours;
        try { // both are checked before anything is set: a wrong one changes nothing
            zone = ZoneId.of(timeZone == null ? "" : timeZone.strip()).getId();
            hours = QuietHours.parse(quietHours);
        } catch (DateTimeException | IllegalArgumentException e) {
            return problem();
        }
        agency.timeZone = zone;
        agency.setQuietHours(hours);
        agency.qualityEscalationsIgnoreQuietHours = "on".equals(qualityOverride);
        return back();
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response addUser(@FormParam("username") String username, @FormParam("name") String name,
            @FormParam("role") String role, @FormParam("password") String password, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        StaffRole staffRole = Arrays.stream(StaffRole.values()).filter(r -> r.roleName().equals(role)).findFirst().orElse(null);
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,39}") || name == null || name.isBlank()
                || name.strip().length() > 120 || password == null || password.length() < 10 || password.length() > 72
                || staffRole == null || users.byUsername(username).isPresent()) {
            return problem();
        }
        addStaffUser.add(username, name.strip(), staffRole, password);
        return back();
    }

    /** Accounts are deactivated, never deleted: the timeline keeps naming who did what. */
    @POST
    @Path("staff/{id: [0-9]+}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response deactivate(@PathParam("id") long id, @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        StaffUser user = users.findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (user.username.equals(identity.getPrincipal().getName())) {
            return problem(); // an administrator cannot lock themselves out
        }
        user.active = false;
        return back();
    }

    private static Response back() {
        return Response.seeOther(URI.create("/settings")).build();
    }

    private static Response problem() {
        return Response.seeOther(URI.create("/settings?problem=1")).build();
    }
}
