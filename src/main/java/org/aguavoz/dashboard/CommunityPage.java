package org.aguavoz.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.committees.MemberRole;
import org.aguavoz.communities.Community;
import org.aguavoz.notices.NoticeRecipients;
import org.aguavoz.notices.SendCommunityNotice;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.CommunityNotice;
import org.aguavoz.tickets.CommunityNotices;
import org.aguavoz.tickets.Visibility;

/**
 * The page of one community: its committee with history and its notices with their SMS counts. Rendered by
 * {@link CommunitiesPages} and, with what was typed and why it was refused, by {@link CommunityNoticesForm}.
 */
@ApplicationScoped
class CommunityPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @TemplateData
    record CommunityView(String code, String name, String aliases, List<MemberRow> members,
            List<DashboardViews.Option> roles, String problem, boolean canEdit, List<NoticeRow> notices,
            List<DashboardViews.Option> noticeCategories, NoticeDraft draft, int maxText) {
    }

    @TemplateData
    record MemberRow(long id, String name, String role, String phone, String since, String until, boolean current) {
    }

    /** {@code from}: who sent it, as the timeline names people. */
    @TemplateData
    record NoticeRow(String sentAt, String from, String category, String text, String until, boolean active,
            String incident, int waiting, int sent, int delivered, int failed, int notSent) {
    }

    /** The notice form as typed: {@code until} as a {@code datetime-local} value in the agency's time zone. */
    @TemplateData
    record NoticeDraft(String category, String text, String until) {
        static final NoticeDraft EMPTY = new NoticeDraft("", "", "");
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance community(CommunityView page, String csrf, String user, String language);
    }

    private final CommitteeMemberships memberships;
    private final CommunityNotices notices;
    private final NoticeRecipients recipients;
    private final SecurityIdentity identity;
    private final Clock clock;

    CommunityPage(CommitteeMemberships memberships, CommunityNotices notices, NoticeRecipients recipients,
            SecurityIdentity identity, Clock clock) {
        this.memberships = memberships;
        this.notices = notices;
        this.recipients = recipients;
        this.identity = identity;
        this.clock = clock;
    }

    Response render(Community community, String problem, NoticeDraft draft, String language, String csrfCookie,
            Response.Status status) {
        ZoneId zone = Agency.get().zone();
        Visibility visibility = Visibility.of(identity);
        UiTexts ui = PageLanguage.texts(language);
        List<MemberRow> members = memberships.roster(community).stream().map(m -> new MemberRow(m.id, m.name,
                Labels.memberRole(m.role, ui), visibility.memberPhone(m.phone),
                DAY.format(m.startedAt.atZone(zone)), m.endedAt == null ? "" : DAY.format(m.endedAt.atZone(zone)),
                m.isCurrent())).toList();
        String token = Csrf.tokenFor(csrfCookie);
        CommunityView page = new CommunityView(community.code, community.name,
                String.join(" | ", community.aliases.stream().map(a -> a.alias).toList()), members,
                Arrays.stream(MemberRole.values())
                        .map(r -> new DashboardViews.Option(r.apiName(), Labels.memberRole(r, ui), false)).toList(),
                problem, canEdit(), noticeRows(community, zone, ui), noticeCategories(draft.category(), ui), draft,
                SendCommunityNotice.maxText(community));
        TemplateInstance instance = Templates.community(page, token, identity.getPrincipal().getName(), language)
                .setLocale(Locale.forLanguageTag(language));
        return Response.status(status).entity(instance).cookie(Csrf.cookie(token)).build();
    }

    private List<NoticeRow> noticeRows(Community community, ZoneId zone, UiTexts ui) {
        List<CommunityNotice> all = notices.ofCommunity(community);
        Map<Long, NoticeRecipients.Counts> counts = recipients.counts(all.stream().map(n -> n.id).toList());
        Instant now = clock.instant();
        return all.stream().map(n -> {
            NoticeRecipients.Counts c = counts.getOrDefault(n.id, NoticeRecipients.Counts.NONE);
            return new NoticeRow(MOMENT.format(n.createdAt.atZone(zone)),
                    Labels.actor(n.actorType, ui) + (n.actorName == null ? "" : " " + n.actorName),
                    n.category == null ? "" : Labels.category(n.category, ui), n.text, MOMENT.format(n.until.atZone(zone)),
                    n.isActiveAt(now), n.incident == null ? "" : n.incident.reference,
                    c.waiting(), c.sent(), c.delivered(), c.failed(), c.notSent());
        }).toList();
    }

    /** Every category a notice may be about (never integrity), after "none". */
    private static List<DashboardViews.Option> noticeCategories(String chosen, UiTexts ui) {
        List<DashboardViews.Option> options = new ArrayList<>();
        options.add(new DashboardViews.Option("", ui.noticeNoCategory(), chosen.isEmpty()));
        Arrays.stream(Category.values()).filter(c -> c != Category.INTEGRITY).forEach(c -> options.add(
                new DashboardViews.Option(c.apiName(), Labels.category(c, ui), c.apiName().equals(chosen))));
        return options;
    }

    private boolean canEdit() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.STAFF);
    }
}
