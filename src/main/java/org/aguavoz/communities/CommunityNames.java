package org.aguavoz.communities;

import java.util.Optional;

/**
 * What a community's name and its spelling variants may be, however they come in (the API, the dashboard's form,
 * a roster CSV): one line of visible text, short enough for an SMS that carries it and for a line of the dashboard.
 * A name is copied into SMS, TwiML, CSV exports and log lines, where a line break or a control character would
 * forge a line of its own.
 */
public final class CommunityNames {

    /** The longest real name in the demo agency's region is under 50; SMS texts are written for 80. */
    public static final int MAX_NAME = 80;
    public static final int MAX_ALIAS = 60;

    private CommunityNames() {
    }

    /** What is wrong with this name, said for the field "name"; empty when nothing is. */
    public static Optional<String> problemWithName(String name) {
        return problem(name, MAX_NAME);
    }

    /** What is wrong with this spelling variant, said for the field "aliases"; empty when nothing is. */
    public static Optional<String> problemWithAlias(String alias) {
        return problem(alias, MAX_ALIAS).map(problem -> "each spelling variant " + problem);
    }

    private static Optional<String> problem(String text, int max) {
        if (text == null || text.isBlank()) {
            return Optional.of("is required");
        }
        String stripped = text.strip();
        if (stripped.codePoints().anyMatch(CommunityNames::breaksTheLine)) {
            return Optional.of("must be one line, without control characters");
        }
        if (stripped.codePointCount(0, stripped.length()) > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        return Optional.empty();
    }

    /** Line breaks, tabs, other C0/C1 controls, and invisible format characters (bidi overrides among them). */
    private static boolean breaksTheLine(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
