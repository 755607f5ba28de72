package org.aguavoz.outbox;

import java.text.Normalizer;

/**
 * The GSM 03.38 alphabet of SMS. One character outside it (á, í, ó, ú, emoji) turns a 160-character message into
 * a 70-character UCS-2 one, doubling or tripling its cost; so texts AguaVoz writes stay inside it, and names such
 * as "Los Ángeles" go out as "Los Angeles".
 */
public final class Gsm7 {

    /** One segment of GSM-7 text. */
    public static final int SEGMENT = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Sent as two septets each (escape + character). */
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {
    }

    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
    }

    /** Length in septets: extension characters count twice. */
    public static int septets(String text) {
        return text.codePoints().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    public static boolean fitsOneSegment(String text) {
        return isGsm7(text) && septets(text) <= SEGMENT;
    }

    /**
     * The closest GSM-7 spelling: characters of the alphabet stay (é, ñ, ü, ¿, ¡ included), others lose their
     * accent (á → a, Ó → O), and what has no GSM-7 form at all becomes "?".
     */
    public static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0) {
                out.appendCodePoint(c);
                return;
            }
            String stripped = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "");
            out.append(!stripped.isEmpty() && isGsm7(stripped) ? stripped : "?");
        });
        return out.toString();
    }
}
