package org.aguavoz.conversation;

/**
 * How a word sounds in Mexican Spanish, as a key to compare words by: people who learnt to write little, or who
 * speak Tzotzil or Tzeltal first, write by ear, so "biene", "nobino", "susia", "ai", "awa" and "yave" must meet
 * "viene", "no vino", "sucia", "hay", "agua" and "llave". Keywords and messages go through the same key.
 * <ul>
 * <li>h is silent; b and v sound alike; s, z and c before e/i sound alike; c before other letters, qu and k sound
 * alike; ll and y sound alike, and a y that ends a syllable is an i ("hay" = "ai", "y" = "i");</li>
 * <li>gu before a/o and w sound like u ("agua" = "awa" = "agwa"); g before e/i sounds like j;</li>
 * <li>repeated letters count once, and a final s after three letters is dropped, so plurals meet singulars
 * ("tubos" = "tubo").</li>
 * </ul>
 * English words get keys too; since both sides are keyed, they still meet one another.
 */
final class SoundKey {

    private SoundKey() {
    }

    /** The key of one word in {@code SpellingVariant} form (lower case a–z and digits, no accents). */
    static String of(String word) {
        StringBuilder key = new StringBuilder(word.length());
        int n = word.length();
        for (int i = 0; i < n; i++) {
            char c = word.charAt(i);
            char next = i + 1 < n ? word.charAt(i + 1) : 0;
            char after = i + 2 < n ? word.charAt(i + 2) : 0;
            switch (c) {
                case 'h' -> {
                    // silent, also after c: "ch" is handled with the c
                }
                case 'c' -> {
                    if (next == 'h') {
                        key.append('C');
                        i++;
                    } else {
                        key.append(next == 'e' || next == 'i' ? 's' : 'k');
                    }
                }
                case 'q' -> {
                    key.append('k');
                    if (next == 'u' && (after == 'e' || after == 'i')) {
                        i++;
                    }
                }
                case 'z' -> key.append('s');
                case 'v' -> key.append('b');
                case 'w' -> key.append('u');
                case 'g' -> {
                    if (next == 'u' && (after == 'a' || after == 'o') || next == 'w') {
                        key.append('u');
                        i++;
                    } else {
                        key.append(next == 'e' || next == 'i' ? 'j' : 'g');
                    }
                }
                case 'l' -> {
                    if (next == 'l') {
                        key.append('y');
                        i++;
                    } else {
                        key.append('l');
                    }
                }
                case 'y' -> key.append(isVowel(next) ? 'y' : 'i');
                default -> key.append(c);
            }
        }
        return withoutPluralS(collapsed(key));
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static String collapsed(StringBuilder key) {
        StringBuilder once = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            if (i == 0 || key.charAt(i) != key.charAt(i - 1)) {
                once.append(key.charAt(i));
            }
        }
        return once.toString();
    }

    private static String withoutPluralS(String key) {
        return key.length() > 3 && key.endsWith("s") ? key.substring(0, key.length() - 1) : key;
    }
}
