package org.aguavoz.intake.sms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
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

    private Optional<Community> byName(String text) {
        String padded = " " + text + " ";
        record Candidate(Community community, String variant) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Community community : communities.allByCode()) {
            candidates.add(new Candidate(community, SpellingVariant.normalize(community.name)));
            community.aliases.forEach(a -> candidates.add(new Candidate(community, a.normalized)));
        }
        return candidates.stream()
                .filter(c -> !c.variant().isBlank() && !TOO_COMMON.contains(c.variant()))
                .filter(c -> padded.contains(" " + c.variant() + " "))
                .max(Comparator.comparingInt(c -> c.variant().length()))
                .map(Candidate::community);
    }
}
