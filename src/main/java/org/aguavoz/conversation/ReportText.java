package org.aguavoz.conversation;

import java.util.regex.Pattern;

import org.aguavoz.communities.SpellingVariant;

/**
 * The form in which SMS text is compared with keywords: the community-name form (lower case, no accents, no
 * punctuation, single spaces) with runs of one letter collapsed to one. Villagers stretch words to shout
 * ("sin aguaaa") and double letters at random on keypads, so "sinnn" has to be "sin". Keyword data must go
 * through the same method, because "llave" becomes "lave" here too.
 */
final class ReportText {

    private static final Pattern REPEATED_LETTER = Pattern.compile("([a-z])\\1+");

    private ReportText() {
    }

    static String normalize(String sms) {
        if (sms == null) {
            return "";
        }
        return withoutRepeats(SpellingVariant.normalize(sms));
    }

    /** {@link #normalize} of a text already in {@code SpellingVariant} form, without normalising it again. */
    static String withoutRepeats(String normalized) {
        // Digits are left alone: "1001" is a community code, not a stretched "101".
        return REPEATED_LETTER.matcher(normalized).replaceAll("$1");
    }
}
