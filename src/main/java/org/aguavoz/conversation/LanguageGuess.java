package org.aguavoz.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses whether an SMS is Spanish or English by counting common words of each, listed in
 * {@code intake/language_words.txt}, so a reply can follow the sender's language. Cheap on purpose: reports
 * are short and the answer only picks a message bundle.
 */
final class LanguageGuess {

    private static final String WORDS_FILE = "intake/language_words.txt";
    private static final Set<String> LANGUAGES = Set.of("es", "en");
    private static final Map<String, String> LANGUAGE_BY_WORD = readWords();

    private LanguageGuess() {
    }

    /** "es" or "en"; empty on a tie or when no listed word appears, such as a message of digits only. */
    static Optional<String> guess(String sms) {
        int spanish = 0;
        int english = 0;
        String text = ReportText.normalize(sms);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String word : text.split(" ")) {
            String language = LANGUAGE_BY_WORD.get(word);
            if ("es".equals(language)) {
                spanish++;
            } else if ("en".equals(language)) {
                english++;
            }
        }
        if (spanish == english) {
            return Optional.empty();
        }
        return Optional.of(spanish > english ? "es" : "en");
    }

    private static Map<String, String> readWords() {
        InputStream in = LanguageGuess.class.getClassLoader().getResourceAsStream(WORDS_FILE);
        if (in == null) {
            throw new IllegalStateException(WORDS_FILE + ": not found on the classpath");
        }
        Map<String, String> languageByWord = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    readEntry(entry, WORDS_FILE + " line " + number, languageByWord);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WORDS_FILE, e);
        }
        return Map.copyOf(languageByWord);
    }

    private static void readEntry(String entry, String where, Map<String, String> languageByWord) {
        int colon = entry.indexOf(':');
        String language = colon < 0 ? "" : entry.substring(0, colon).strip();
        if (!LANGUAGES.contains(language)) {
            throw new IllegalStateException(where + ": expected 'es: word, word, ...' or 'en: word, word, ...'");
        }
        for (String written : entry.substring(colon + 1).split(",", -1)) {
            String word = ReportText.normalize(written);
            if (word.isEmpty() || word.contains(" ")) {
                throw new IllegalStateException(where + ": '" + written.strip() + "' is not one word");
            }
            String earlier = languageByWord.putIfAbsent(word, language);
            if (earlier != null && !earlier.equals(language)) {
                throw new IllegalStateException(where + ": '" + word + "' is listed for both es and en");
            }
        }
    }
}
