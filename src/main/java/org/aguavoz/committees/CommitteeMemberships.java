package org.aguavoz.committees;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.communities.Community;

@ApplicationScoped
public class CommitteeMemberships implements PanacheRepository<CommitteeMembership> {

    /** Current members first, then past ones, most recent first. */
    public List<CommitteeMembership> roster(Community community) {
        return list("community = ?1 order by case when endedAt is null then 0 else 1 end, startedAt desc, id",
                community);
    }

    public List<CommitteeMembership> current(Community community) {
        return list("community = ?1 and endedAt is null order by id", community);
    }

    public Optional<CommitteeMembership> currentByPhone(Community community, String e164) {
        return find("community = ?1 and phone = ?2 and endedAt is null", community, e164).firstResultOptional();
    }

    /** Every committee this phone currently serves on (a member may serve two neighbouring communities). */
    public List<CommitteeMembership> currentAnywhere(String e164) {
        return list("phone = ?1 and endedAt is null", e164);
    }

    public Optional<CommitteeMembership> inCommunity(Community community, long id) {
        return find("community = ?1 and id = ?2", community, id).firstResultOptional();
    }
}
