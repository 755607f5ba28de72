package org.aguavoz.communities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A community as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommunityView(String code, String name, List<String> aliases, BigDecimal latitude,
        BigDecimal longitude, Instant createdAt) {

    static CommunityView of(Community community) {
        return new CommunityView(community.code, community.name,
                community.aliases.stream().map(a -> a.alias).toList(),
                community.latitude, community.longitude, community.createdAt);
    }
}
