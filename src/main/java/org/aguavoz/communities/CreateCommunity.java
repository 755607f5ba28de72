package org.aguavoz.communities;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.agency.Agency;

/** Registers a community with its code and the spelling variants intake should recognise. */
@ApplicationScoped
public class CreateCommunity {

    private final Communities communities;
    private final Clock clock;

    CreateCommunity(Communities communities, Clock clock) {
        this.communities = communities;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Community create(CommunityRequest request) {
        String name = checkedName(request.name());
        if ((request.latitude() == null) != (request.longitude() == null)) {
            throw new Refused(request.latitude() == null ? "latitude" : "longitude",
                    "latitude and longitude are given together or not at all");
        }
        if (communities.byCode(request.code()).isPresent()) {
            throw new Refused("code", "community " + request.code() + " already exists", true);
        }
        Community community = new Community();
        community.agencyId = Agency.THE_AGENCY;
        community.code = request.code();
        community.name = name;
        community.latitude = request.latitude();
        community.longitude = request.longitude();
        community.createdAt = clock.instant();
        community.updatedAt = community.createdAt;
        checkedAliases(communities, request.aliasesOrEmpty(), null).values().forEach(community::addAlias);
        communities.persist(community);
        return community;
    }

    /** The name as it will be stored; refused as {@link CommunityNames} says. Shared by creation and editing. */
    static String checkedName(String name) {
        CommunityNames.problemWithName(name).ifPresent(problem -> {
            throw new Refused("name", problem);
        });
        return name.strip();
    }

    /**
     * The spelling variants as they will be stored, by normalised form ("Los Ángeles" and "los angeles" are one
     * variant: the first spelling is kept). Refused: a variant {@link CommunityNames} refuses, one with no letters or
     * digits, or one that already names a community other than {@code owner} (null for a new community). Shared by
     * creation and editing.
     */
    static Map<String, String> checkedAliases(Communities communities, List<String> aliases, Community owner) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (String alias : aliases) {
            CommunityNames.problemWithAlias(alias).ifPresent(problem -> {
                throw new Refused("aliases", problem);
            });
            String normalized = SpellingVariant.normalize(alias);
            if (normalized.isEmpty()) {
                throw new Refused("aliases", "\"" + alias.strip() + "\" has no letters or digits");
            }
            if (checked.putIfAbsent(normalized, alias.strip()) != null) {
                continue;
            }
            communities.byNormalizedAlias(normalized).filter(other -> owner == null || !other.id.equals(owner.id))
                    .ifPresent(other -> {
                        throw new Refused("aliases", "\"" + alias.strip() + "\" already names community " + other.code, true);
                    });
        }
        return checked;
    }

    /** A request that contradicts what is stored (conflict) or itself. */
    public static class Refused extends RuntimeException {
        public final String field;
        public final boolean conflict;

        Refused(String field, String problem) {
            this(field, problem, false);
        }

        Refused(String field, String problem, boolean conflict) {
            super(problem, null, false, false);
            this.field = field;
            this.conflict = conflict;
        }
    }
}
