package org.aguavoz.communities;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Renames a community and replaces its spelling variants. The code stays: it is printed on posters and murals, and
 * villagers' phones remember it. A variant that names another community is refused, as on creation.
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
    public void edit(Community community, String name, List<String> aliases) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw new CreateCommunity.Refused("name", "must be 1 to 120 characters");
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String alias : aliases) {
            String normalized = SpellingVariant.normalize(alias);
            if (normalized.isEmpty()) {
                throw new CreateCommunity.Refused("aliases", "\"" + alias.strip() + "\" has no letters or digits");
            }
            communities.byNormalizedAlias(normalized).filter(other -> !other.id.equals(community.id)).ifPresent(other -> {
                throw new CreateCommunity.Refused("aliases", "\"" + alias.strip() + "\" already names community " + other.code, true);
            });
            wanted.putIfAbsent(normalized, alias.strip());
        }
        community.name = name.strip();
        // Variants that stay are kept as rows (their unique key must not be deleted and inserted in one flush).
        community.aliases.removeIf(existing -> !wanted.containsKey(existing.normalized));
        community.aliases.forEach(existing -> wanted.remove(existing.normalized));
        wanted.values().forEach(community::addAlias);
        community.updatedAt = clock.instant();
    }
}
