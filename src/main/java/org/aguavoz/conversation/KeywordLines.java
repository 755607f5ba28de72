package org.aguavoz.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.aguavoz.communities.SpellingVariant;
import org.aguavoz.tickets.Category;

/**
 * The lines of one or more keyword files ({@code intake/keywords_*.txt}, format at their top), checked line by
 * line and then as a whole; every problem names the file and the line, and stops start-up.
 */
final class KeywordLines {

    private static final String SPELLING = "spelling";
    private static final String IGNORE = "ignore";
    private static final String SKIP = "skip";
    private static final String GUESS = "guess ";
    /** Between two words of a phrase: that many other words may stand there ("pidieron ... para conectar"). */
    static final int GAP_WORDS = 3;
    /** A word ending in '*' matches every word that starts with it; shorter stems match too much. */
    private static final int MIN_STEM = 3;
    private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])");

    /** One word of a phrase: a sound key, or the stem of every word it starts ("cobr*"). */
    record Element(String key, boolean stem, boolean gapBefore) {

        boolean matches(String word) {
            return stem ? word.startsWith(key) : word.equals(key);
        }
    }

    /**
     * An empty category marks an "ignore" phrase: it uses up its words but reports nothing. A guess counts only
     * when no other phrase of any category matched.
     */
    record Phrase(List<Element> elements, Optional<Category> category, boolean guess, Where where) {
    }

    record Where(String file, int line) {

        IllegalStateException problem(String what) {
            return new IllegalStateException(this + ": " + what);
        }

        @Override
        public String toString() {
            return file + " line " + line;
        }
    }

    /** What the files say, ready for {@link CategoryDetector}. */
    record Keywords(List<Phrase> phrases, Map<String, List<String>> wordsBySpelling, Set<String> skipped) {
    }

    /** A variant typed on keypads ("q") for the words it stands for ("que"), in SpellingVariant form. */
    private record Spelling(String variant, List<String> words, Where where) {
    }

    /** A phrase as written, turned into sound keys once every spelling and skip line of every file is known. */
    private record WrittenPhrase(String written, String normalized, Optional<Category> category, boolean guess,
            Where where) {
    }

    private final List<WrittenPhrase> phrases = new ArrayList<>();
    private final Map<String, Spelling> spellings = new LinkedHashMap<>();
    private final Map<String, Where> skipped = new LinkedHashMap<>();

    void read(String file, Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                readEntry(entry, new Where(file, number));
            }
        }
    }

    /** A message's words in SpellingVariant form, split where letters meet digits ("x2dias" is "x 2 dias"). */
    static String[] words(String text) {
        return wordsOfNormalized(SpellingVariant.normalize(text));
    }

    private static String[] wordsOfNormalized(String normalized) {
        String words = LETTER_DIGIT.matcher(normalized).replaceAll(" ");
        return words.isEmpty() ? new String[0] : words.split(" ");
    }

    static boolean isNumber(String word) {
        return !word.isEmpty() && Character.isDigit(word.charAt(0));
    }

    private void readEntry(String entry, Where where) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw where.problem("expected 'category: phrase, phrase, ...' but found no ':'");
        }
        String head = entry.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        List<String> items = items(entry.substring(colon + 1), where);
        if (head.equals(SPELLING) || head.startsWith(SPELLING + " ")) {
            readSpelling(head.substring(SPELLING.length()), items, where);
        } else if (head.equals(SKIP)) {
            for (String item : items) {
                String word = ReportText.normalize(item);
                if (word.contains(" ")) {
                    throw where.problem("skip '" + item.strip() + "' must be one word");
                }
                skipped.putIfAbsent(SoundKey.of(SpellingVariant.normalize(item)), where);
            }
        } else {
            boolean guess = head.startsWith(GUESS);
            Optional<Category> category = category(guess ? head.substring(GUESS.length()).strip() : head, where);
            if (guess && category.isEmpty()) {
                throw where.problem("'guess' needs a category, as in 'guess outage: no ... agua'");
            }
            items.forEach(item -> phrases.add(
                    new WrittenPhrase(item, normalizedPhrase(item), category, guess, where)));
        }
    }

    private static String normalizedPhrase(String item) {
        return SpellingVariant.normalize(item.replace("...", " gapgapgap ").replace("*", "starstarstar"))
                .replace("gapgapgap", "...").replace("starstarstar", "*");
    }

    private static List<String> items(String list, Where where) {
        List<String> items = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            if (item.isBlank()) {
                throw where.problem("empty phrase (look for ',,' or a ',' at the end of the line)");
            }
            if (SpellingVariant.normalize(item).isEmpty()) {
                throw where.problem("phrase '" + item.strip() + "' has no letters or digits");
            }
            items.add(item.strip());
        }
        return items;
    }

    private static Optional<Category> category(String head, Where where) {
        if (head.equals(IGNORE)) {
            return Optional.empty();
        }
        for (Category category : Category.values()) {
            if (category.apiName().equals(head)) {
                return Optional.of(category);
            }
        }
        throw where.problem("unknown category '" + head + "'; expected outage, quality, leak, billing, integrity,"
                + " other, ignore or 'spelling WORD'");
    }

    private void readSpelling(String word, List<String> written, Where where) {
        String canonical = SpellingVariant.normalize(word);
        if (canonical.isEmpty()) {
            throw where.problem("'spelling' needs the word it spells, as in 'spelling que: q, k'");
        }
        for (String item : written) {
            String variant = ReportText.normalize(item);
            if (variant.contains(" ")) {
                throw where.problem("spelling '" + variant + "' must be one word");
            }
            if (variant.equals(ReportText.normalize(canonical))) {
                throw where.problem("spelling '" + variant + "' is the word itself");
            }
            Spelling earlier = spellings.get(variant);
            if (earlier != null && !earlier.words().equals(List.of(canonical.split(" ")))) {
                throw where.problem("'" + variant + "' is already a spelling of '"
                        + String.join(" ", earlier.words()) + "' (" + earlier.where() + ")");
            }
            spellings.put(variant, new Spelling(variant, List.of(canonical.split(" ")), where));
        }
    }

    Keywords toKeywords() {
        Map<String, List<String>> wordsBySpelling = new HashMap<>();
        for (Spelling spelling : spellings.values()) {
            // One pass of replacement only: a spelling that leads to another spelling would match nothing.
            for (String word : spelling.words()) {
                Spelling other = spellings.get(ReportText.normalize(word));
                if (other != null) {
                    throw spelling.where().problem("'" + ReportText.normalize(word) + "' is itself a spelling of '"
                            + String.join(" ", other.words()) + "' (" + other.where() + ")");
                }
            }
            wordsBySpelling.put(spelling.variant(), spelling.words());
        }
        Set<String> skip = new HashSet<>(skipped.keySet());
        Map<List<Element>, Phrase> byElements = new LinkedHashMap<>();
        for (WrittenPhrase written : phrases) {
            Phrase phrase = new Phrase(elements(written, wordsBySpelling, skip), written.category(), written.guess(),
                    written.where());
            Phrase earlier = byElements.putIfAbsent(phrase.elements(), phrase);
            // The same phrase twice in one category is harmless: files list the spellings people really use.
            if (earlier != null && !earlier.category().equals(phrase.category())) {
                throw written.where().problem("phrase '" + written.normalized() + "' is already listed for "
                        + earlier.category().map(Category::apiName).orElse(IGNORE) + " (" + earlier.where() + ")");
            }
        }
        return new Keywords(List.copyOf(byElements.values()), Map.copyOf(wordsBySpelling), Set.copyOf(skip));
    }

    private static List<Element> elements(WrittenPhrase written, Map<String, List<String>> wordsBySpelling,
            Set<String> skip) {
        List<Element> elements = new ArrayList<>();
        boolean gap = false;
        for (String token : written.normalized().split(" ")) {
            if (token.equals("...")) {
                if (elements.isEmpty()) {
                    throw written.where().problem("phrase '" + written.written() + "' starts with '...'");
                }
                gap = true;
                continue;
            }
            boolean stem = token.endsWith("*");
            String word = stem ? token.substring(0, token.length() - 1) : token;
            if (stem && (word.contains("*") || word.length() < MIN_STEM)) {
                throw written.where().problem("stem '" + token + "' in '" + written.written()
                        + "' needs at least " + MIN_STEM + " letters before one '*' at its end");
            }
            for (String part : wordsOfNormalized(word)) {
                for (String canonical : wordsBySpelling.getOrDefault(ReportText.withoutRepeats(part),
                        List.of(part))) {
                    String key = SoundKey.of(canonical);
                    if (isNumber(key) || skip.contains(key) && !stem) {
                        continue;
                    }
                    elements.add(new Element(key, stem, gap && !elements.isEmpty()));
                    gap = false;
                }
            }
        }
        if (gap) {
            throw written.where().problem("phrase '" + written.written() + "' ends with '...'");
        }
        if (elements.isEmpty()) {
            throw written.where().problem("phrase '" + written.written() + "' has only words that are skipped");
        }
        return List.copyOf(elements);
    }
}
