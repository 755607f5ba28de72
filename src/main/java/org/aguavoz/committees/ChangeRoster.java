package org.aguavoz.committees;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.communities.Community;
import org.aguavoz.phones.PhoneNumber;
import org.jboss.logging.Logger;

/** Adds members to a committee and ends their memberships; committees change every year. */
@ApplicationScoped
public class ChangeRoster {

    private static final Logger LOG = Logger.getLogger(ChangeRoster.class);

    private final CommitteeMemberships memberships;
    private final Clock clock;

    ChangeRoster(CommitteeMemberships memberships, Clock clock) {
        this.memberships = memberships;
        this.clock = clock;
    }

    /** @throws PhoneAlreadyOnCommittee when a current member of this committee has the number */
    @Transactional(Transactional.TxType.MANDATORY)
    public CommitteeMembership add(Community community, String name, PhoneNumber phone, MemberRole role) {
        return addSince(community, name, phone, role, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CommitteeMembership addSince(Community community, String name, PhoneNumber phone, MemberRole role,
            Instant since) {
        if (memberships.currentByPhone(community, phone.e164()).isPresent()) {
            throw new PhoneAlreadyOnCommittee(community.code);
        }
        CommitteeMembership member = new CommitteeMembership();
        member.community = community;
        member.name = name.strip();
        member.phone = phone.e164();
        member.role = role;
        member.startedAt = since;
        memberships.persist(member);
        // PhoneNumber prints masked: the log says which phone without giving it away.
        LOG.infof("Committee %s: %s joined as %s (phone %s)", community.code, member.name, role.apiName(), phone);
        return member;
    }

    /** Ending an ended membership changes nothing: the first end date stays. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(CommitteeMembership member) {
        if (member.endedAt == null) {
            member.endedAt = clock.instant();
            LOG.infof("Committee %s: %s left (phone %s)", member.community.code, member.name, new PhoneNumber(member.phone));
        }
    }

    public static class PhoneAlreadyOnCommittee extends RuntimeException {
        PhoneAlreadyOnCommittee(String communityCode) {
            super("a current member of committee " + communityCode + " already has this phone number");
        }
    }
}
