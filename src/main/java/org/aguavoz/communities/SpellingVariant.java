package org.aguavoz.communities;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which community names and their variants are compared: lower case, accents dropped ("Ángeles",
 * "angeles" and "ANGELES" are one name), punctuation as spaces, single spaces. People type names on keypads
 * in many ways; comparing this form makes the common differences disappear.
 */
public final class SpellingVariant {

    /** Compiled once: every SMS and every community name of the agency goes through here. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

    private SpellingVariant() {
    }

    public static String normalize(String text) {
        return NOT_LETTER_OR_DIGIT.matcher(withoutAccents(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** "Teléfono" → "Telefono", "Ñ" → "N": the text with its accents and other combining marks dropped. */
    public static String withoutAccents(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    }
}
