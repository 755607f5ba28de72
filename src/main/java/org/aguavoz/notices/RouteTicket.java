package org.aguavoz.notices;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.agency.Agency;
import org.aguavoz.agency.AgencyConfig;
import org.aguavoz.committees.CommitteeMemberships;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;

/**
 * Decides who is told of a ticket: the committee of its community and/or the agency's on-duty staff, by the
 * agency's rule for the category. A community with no current committee member falls back to the agency, so
 * no ticket goes unseen. Integrity complaints go to the agency only, whatever a rule says.
 */
@ApplicationScoped
public class RouteTicket {

    /** The phones to tell, and whether the committee is among them (the reporter's reply says so). */
    public record Recipients(List<PhoneNumber> committee, List<PhoneNumber> agency) {
        public boolean committeeTold() {
            return !committee.isEmpty();
        }
    }

    private final CommitteeMemberships memberships;
    private final List<PhoneNumber> onDuty;

    RouteTicket(CommitteeMemberships memberships, AgencyConfig config) {
        this.memberships = memberships;
        this.onDuty = config.onDutyPhones().orElse(List.of()).stream().map(PhoneNumber::new).toList();
    }

    public Recipients recipients(Ticket ticket) {
        RoutingRule rule = RoutingRule.findById(ticket.category);
        Route route = ticket.category == Category.INTEGRITY ? Route.AGENCY : rule == null ? Route.COMMITTEE : rule.route;
        List<PhoneNumber> committee = new ArrayList<>();
        if (route.toCommittee()) {
            memberships.current(ticket.community).forEach(m -> committee.add(new PhoneNumber(m.phone)));
        }
        Set<PhoneNumber> agency = new LinkedHashSet<>();
        if (route.toAgency() || committee.isEmpty()) {
            agency.addAll(onDuty);
        }
        committee.forEach(agency::remove); // a staff member who also sits on the committee gets one SMS
        return new Recipients(List.copyOf(committee), List.copyOf(agency));
    }

    /** Agency staff to tell of an escalation. */
    public List<PhoneNumber> onDuty() {
        return onDuty;
    }

    /**
     * Escalations wait for the end of quiet hours like any notice, except water-quality ones when the agency wants
     * those at any hour (a health matter; the default).
     */
    public Timing escalationTiming(Ticket ticket) {
        boolean urgent = ticket.category == Category.QUALITY && Agency.get().qualityEscalationsIgnoreQuietHours;
        return urgent ? Timing.URGENT : Timing.NOTICE;
    }
}
