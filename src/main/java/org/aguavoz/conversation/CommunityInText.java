package org.aguavoz.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.agency.Agency;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.communities.SpellingVariant;

/**
 * Finds the community a report names: its poster code ("101 sin agua", "comunidad 101") or its name or a
 * spelling variant anywhere in the text ("en los anjeles no hay agua"). Other numbers are not codes: "me
 * cobraron 200 pesos" says nothing about community 200.
 */
@ApplicationScoped
class CommunityInText {

    private static final Pattern LEADING_CODE = Pattern.compile("^([0-9]{1,6})\\b");
    private static final Pattern NAMED_CODE = Pattern.compile("\\b(?:comunidad|localidad|community|codigo|code|cod|com)\\s*([0-9]{1,6})\\b");
    private static final Set<String> TOO_COMMON = Set.of("agua", "el", "la", "los", "las", "san", "de");

    private final Communities communities;

    CommunityInText(Communities communities) {
        this.communities = communities;
    }

    /** A code in the text that names no community, so the reply can say which code was wrong. */
    record Found(Optional<Community> community, Optional<String> unknownCode) {
    }

    Found find(String sms) {
        String text = SpellingVariant.normalize(sms);
        Optional<String> code = codeIn(text);
        if (code.isPresent()) {
            Optional<Community> byCode = communities.byCode(code.get());
            if (byCode.isPresent()) {
                return new Found(byCode, Optional.empty());
            }
        }
        Optional<Community> byName = byName(text);
        return new Found(byName, byName.isPresent() ? Optional.empty() : code);
    }

    static Optional<String> codeIn(String normalized) {
        Matcher leading = LEADING_CODE.matcher(normalized);
        if (leading.find()) {
            return Optional.of(leading.group(1));
        }
        Matcher named = NAMED_CODE.matcher(normalized);
        return named.find() ? Optional.of(named.group(1)) : Optional.empty();
    }

    /**
     * The longest name or spelling variant found in the text. Reads plain (id, name) rows rather than entities:
     * this runs for most messages, and an agency has a few dozen communities.
     */
    @SuppressWarnings("unchecked")
    private Optional<Community> byName(String text) {
        String padded = " " + text + " ";
        List<Object[]> variants = communities.getEntityManager().createNativeQuery("""
                        select id, name, false from community where agency_id = ?1
                        union all
                        select community_id, normalized, true from community_alias where agency_id = ?1""")
                .setParameter(1, Agency.THE_AGENCY)
                .getResultList();
        long best = -1;
        int bestLength = 0;
        for (Object[] row : variants) {
            String variant = (Boolean) row[2] ? (String) row[1] : SpellingVariant.normalize((String) row[1]);
            if (variant.length() > bestLength && !variant.isBlank() && !TOO_COMMON.contains(variant)
                    && padded.contains(" " + variant + " ")) {
                best = ((Number) row[0]).longValue();
                bestLength = variant.length();
            }
        }
        return best < 0 ? Optional.empty() : communities.findByIdOptional(best);
    }
}
