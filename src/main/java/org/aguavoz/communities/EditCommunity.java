package org.aguavoz.communities;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Renames a community, changes its code and replaces its spelling variants. A new code is rare (it is printed on
 * posters and murals) but must be possible: tickets, committees and villagers' phones point at the community, not
 * at its code, so nothing is lost. A code or variant that belongs to another community is refused, as on creation.
 */
@ApplicationScoped
public class EditCommunity {

    private final Communities communities;
    private final Clock clock;

    EditCommunity(Communities communities, Clock clock) {
        this.communities = communities;
        this.clock = clock;
    }

    /** @throws CreateCommunity.Refused naming the field (name, aliases) and the problem */
    @Transactional(Transactional.TxType.MANDATORY)
    public void edit(Community community, String code, String name, List<String> aliases) {
        String newCode = code == null ? community.code : code.strip();
        if (!newCode.matches("[0-9]{1,6}")) {
            throw new CreateCommunity.Refused("code", "must be 1 to 6 digits, as printed on the community's posters");
        }
        if (!newCode.equals(community.code) && communities.byCode(newCode).isPresent()) {
            throw new CreateCommunity.Refused("code", "community " + newCode + " already exists", true);
        }
        String checkedName = CreateCommunity.checkedName(name);
        Map<String, String> wanted = CreateCommunity.checkedAliases(communities, aliases, community);
        community.code = newCode;
        community.name = checkedName;
        // Variants that stay are kept as rows (their unique key must not be deleted and inserted in one flush).
        community.aliases.removeIf(existing -> !wanted.containsKey(existing.normalized));
        community.aliases.forEach(existing -> wanted.remove(existing.normalized));
        wanted.values().forEach(community::addAlias);
        community.updatedAt = clock.instant();
    }
}
