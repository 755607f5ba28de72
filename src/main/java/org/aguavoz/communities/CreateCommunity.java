package org.aguavoz.communities;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

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
        community.name = request.name().strip();
        community.latitude = request.latitude();
        community.longitude = request.longitude();
        community.createdAt = clock.instant();
        community.updatedAt = community.createdAt;
        Set<String> seen = new LinkedHashSet<>();
        for (String alias : request.aliasesOrEmpty()) {
            String normalized = SpellingVariant.normalize(alias);
            if (normalized.isEmpty()) {
                throw new Refused("aliases", "\"" + alias.strip() + "\" has no letters or digits");
            }
            if (!seen.add(normalized)) {
                continue; // "Los Ángeles" and "los angeles" are one variant
            }
            communities.byNormalizedAlias(normalized).ifPresent(other -> {
                throw new Refused("aliases", "\"" + alias.strip() + "\" already names community " + other.code, true);
            });
            community.addAlias(alias);
        }
        communities.persist(community);
        return community;
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
