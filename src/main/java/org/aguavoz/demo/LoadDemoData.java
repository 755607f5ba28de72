package org.aguavoz.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.committees.ChangeRoster;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.committees.MemberRole;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.CommunityRequest;
import org.aguavoz.communities.CreateCommunity;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.staff.AddStaffUser;
import org.aguavoz.staff.StaffRole;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.ChangeTicket;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.NewTicket;
import org.aguavoz.tickets.OpenTicket;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketAction;
import org.aguavoz.tickets.TicketStatus;
import org.jboss.logging.Logger;

/**
 * Loads the Berriozabal demo once per database. The claim is a row in {@code startup_task} inserted in the same
 * transaction as the data: if two instances start together, the second waits on the key and then skips.
 */
class LoadDemoData {

    private static final Logger LOG = Logger.getLogger(LoadDemoData.class);
    private static final String TASK = "demo-data";

    @Transactional
    void load(@Observes @Priority(300) StartupEvent start, DemoConfig config, EntityManager em, ObjectMapper json,
            CreateCommunity createCommunity, Communities communities, ChangeRoster roster, OpenTicket openTicket,
            ChangeTicket changeTicket, AddStaffUser addStaffUser, Clock clock) {
        if (!config.data()) {
            return;
        }
        int claimed = em.createNativeQuery("insert into startup_task (name) values (?1) on conflict do nothing")
                .setParameter(1, TASK).executeUpdate();
        if (claimed == 0) {
            return;
        }
        DemoData demo = read(json);
        Instant now = clock.instant();
        for (DemoData.DemoCommunity c : demo.communities()) {
            Community community = createCommunity.create(
                    new CommunityRequest(c.code(), c.name(), c.aliases(), c.latitude(), c.longitude()));
            for (DemoData.DemoMember m : c.members()) {
                roster.addSince(community, m.name(), new PhoneNumber(m.phone()), role(m.role()), now.minus(Duration.ofDays(200)));
            }
        }
        for (DemoData.PastMember m : demo.pastMembers()) {
            Community community = communities.byCode(m.community()).orElseThrow();
            CommitteeMembership member = roster.addSince(community, m.name(), new PhoneNumber(m.phone()),
                    role(m.role()), now.minus(Duration.ofDays(m.startedDaysAgo())));
            member.endedAt = now.minus(Duration.ofDays(m.endedDaysAgo()));
        }
        for (DemoData.DemoTicket t : demo.tickets()) {
            Community community = communities.byCode(t.community()).orElseThrow();
            Instant openedAt = now.minus(Duration.ofHours(t.hoursAgo()));
            Ticket ticket = openTicket.openAt(new NewTicket(community, Category.valueOf(t.category().toUpperCase(Locale.ROOT)),
                    Channel.SMS, new PhoneNumber(demo.reporters().get(t.reporter())), t.description(), t.anonymous(), "es"),
                    openedAt);
            advance(changeTicket, ticket, TicketStatus.valueOf(t.status().toUpperCase(Locale.ROOT)), t, openedAt);
        }
        for (DemoData.DemoStaff s : demo.staff()) {
            addStaffUser.addWithAdminPassword(s.username(), s.displayName(), StaffRole.valueOf(s.role().toUpperCase(Locale.ROOT)));
        }
        LOG.infof("Loaded the demo data: %d communities, %d tickets", demo.communities().size(), demo.tickets().size());
    }

    /** Walks a demo ticket through the statuses a real one would pass, an hour apart, so its timeline reads true. */
    /** The demo's past, written into the timeline as it happened: nobody is told again. */
    private static void advance(ChangeTicket changeTicket, Ticket ticket, TicketStatus target, DemoData.DemoTicket t, Instant openedAt) {
        if (target == TicketStatus.OPEN) {
            return;
        }
        Actor member = Actor.committeeMember(t.by(), "es");
        changeTicket.recordPast(ticket, TicketAction.acknowledge(), member, openedAt.plus(Duration.ofHours(1)));
        if (target == TicketStatus.ACKNOWLEDGED) {
            return;
        }
        if (target == TicketStatus.IN_PROGRESS) {
            changeTicket.recordPast(ticket, TicketAction.note(t.note(), true), member, openedAt.plus(Duration.ofHours(2)));
            return;
        }
        changeTicket.recordPast(ticket, TicketAction.resolve(t.note()), member, openedAt.plus(Duration.ofHours(3)));
        if (target == TicketStatus.CLOSED) {
            changeTicket.recordPast(ticket, TicketAction.confirm(null), Actor.reporter(ticket.channel),
                    openedAt.plus(Duration.ofHours(30)));
        }
    }

    private static MemberRole role(String role) {
        return MemberRole.valueOf(role.toUpperCase(Locale.ROOT));
    }

    private static DemoData read(ObjectMapper json) {
        try (InputStream in = LoadDemoData.class.getResourceAsStream("/demo/berriozabal.json")) {
            return json.readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("demo/berriozabal.json cannot be read", e);
        }
    }
}
