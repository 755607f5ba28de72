package org.aguavoz.communities;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which community names and their variants are compared: lower case, accents dropped ("Ángeles",
 * "angeles" and "ANGELES" are one name), punctuation as spaces, single spaces. People type names on keypads
 * in many ways; comparing this form makes the common differences disappear.
 */
public final class SpellingVariant {

    private SpellingVariant() {
    }

    public static String normalize(String text) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return withoutAccents.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }
}
