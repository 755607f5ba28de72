package org.aguavoz.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aguavoz.tickets.Category;

/**
 * Tells what an SMS report is about from the phrases in {@code intake/keywords_es.txt} and
 * {@code intake/keywords_en.txt}; the format is described at the top of those files. Agencies can add the words
 * their villages use without touching Java.
 */
public final class CategoryDetector {

    private static final List<String> KEYWORD_FILES = List.of("intake/keywords_es.txt", "intake/keywords_en.txt");

    /*
     * When phrases of several categories match, the first in this list wins. Integrity comes first because the
     * two mistakes cost differently: a plain outage wrongly taken for integrity only reaches the agency, which
     * forwards it; an accusation wrongly taken for something else is sent to the committee it accuses, with the
     * reporter's words. Quality comes next because dirty water makes people ill and has the shortest deadline.
     */
    private static final List<Category> PRIORITY = List.of(
            Category.INTEGRITY, Category.QUALITY, Category.OUTAGE, Category.LEAK, Category.BILLING, Category.OTHER);

    private final List<Phrase> phrasesLongestFirst;
    private final Map<String, List<String>> wordsBySpelling;

    private CategoryDetector(List<Phrase> phrases, Map<String, List<String>> wordsBySpelling) {
        this.phrasesLongestFirst = phrases.stream()
                .sorted(Comparator.comparingInt((Phrase phrase) -> phrase.words().size())
                        .thenComparingInt(phrase -> String.join(" ", phrase.words()).length())
                        .reversed())
                .toList();
        this.wordsBySpelling = wordsBySpelling;
    }

    /** Reads the Spanish and English keyword files; a malformed line stops startup with its file and number. */
    public static CategoryDetector load() {
        return load(KEYWORD_FILES.toArray(String[]::new));
    }

    static CategoryDetector load(String... resourceNames) {
        KeywordLines lines = new KeywordLines();
        for (String name : resourceNames) {
            try (Reader reader = openResource(name)) {
                lines.read(name, reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return lines.toDetector();
    }

    static CategoryDetector parse(String fileName, Reader reader) {
        KeywordLines lines = new KeywordLines();
        try {
            lines.read(fileName, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return lines.toDetector();
    }

    /** Empty when no phrase matches: the caller asks the reporter rather than guessing. */
    public Optional<Category> detect(String sms) {
        List<String> words = canonicalWords(ReportText.normalize(sms));
        boolean[] used = new boolean[words.size()];
        Set<Category> found = EnumSet.noneOf(Category.class);
        for (Phrase phrase : phrasesLongestFirst) {
            if (phrase.claimIn(words, used)) {
                phrase.category().ifPresent(found::add);
            }
        }
        return PRIORITY.stream().filter(found::contains).findFirst();
    }

    private List<String> canonicalWords(String normalized) {
        List<String> words = new ArrayList<>();
        if (normalized.isEmpty()) {
            return words;
        }
        for (String word : normalized.split(" ")) {
            words.addAll(wordsBySpelling.getOrDefault(word, List.of(word)));
        }
        return words;
    }

    private static Reader openResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(name);
        if (in == null) {
            in = CategoryDetector.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException(name + ": keyword file not found on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /**
     * A phrase in canonical words. An empty category marks an "ignore" phrase: it uses up its words, so that
     * "ya no hay fuga" does not count as a leak, but reports nothing.
     */
    private record Phrase(List<String> words, Optional<Category> category, Where where) {

        /** Marks every unused occurrence of this phrase as used; true when there was one. */
        boolean claimIn(List<String> message, boolean[] used) {
            boolean claimed = false;
            for (int start = 0; start + words.size() <= message.size(); start++) {
                if (occursAt(message, used, start)) {
                    Arrays.fill(used, start, start + words.size(), true);
                    claimed = true;
                }
            }
            return claimed;
        }

        private boolean occursAt(List<String> message, boolean[] used, int start) {
            for (int i = 0; i < words.size(); i++) {
                if (used[start + i] || !words.get(i).equals(message.get(start + i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Where(String file, int line) {

        IllegalStateException problem(String what) {
            return new IllegalStateException(this + ": " + what);
        }

        @Override
        public String toString() {
            return file + " line " + line;
        }
    }

    /** A variant typed on keypads ("q") for the words it stands for ("que"). */
    private record Spelling(String variant, List<String> words, Where where) {
    }

    /** A phrase as written, turned into canonical words once every spelling line of every file is known. */
    private record WrittenPhrase(String normalized, Optional<Category> category, Where where) {
    }

    /** Collects the lines of one or more keyword files and checks what needs all of them at once. */
    private static final class KeywordLines {

        private static final String SPELLING = "spelling";
        private static final String IGNORE = "ignore";

        private final List<WrittenPhrase> phrases = new ArrayList<>();
        private final Map<String, Spelling> spellings = new LinkedHashMap<>();

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

        private void readEntry(String entry, Where where) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw where.problem("expected 'category: phrase, phrase, ...' but found no ':'");
            }
            String head = entry.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            List<String> items = items(entry.substring(colon + 1), where);
            if (head.equals(SPELLING) || head.startsWith(SPELLING + " ")) {
                readSpelling(head.substring(SPELLING.length()), items, where);
            } else {
                Optional<Category> category = category(head, where);
                items.forEach(item -> phrases.add(new WrittenPhrase(item, category, where)));
            }
        }

        private static List<String> items(String list, Where where) {
            List<String> items = new ArrayList<>();
            for (String item : list.split(",", -1)) {
                if (item.isBlank()) {
                    throw where.problem("empty phrase (look for ',,' or a ',' at the end of the line)");
                }
                String normalized = ReportText.normalize(item);
                if (normalized.isEmpty()) {
                    throw where.problem("phrase '" + item.strip() + "' has no letters or digits");
                }
                items.add(normalized);
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
            throw where.problem("unknown category '" + head
                    + "'; expected outage, quality, leak, billing, integrity, other, ignore or 'spelling WORD'");
        }

        private void readSpelling(String word, List<String> variants, Where where) {
            String canonical = ReportText.normalize(word);
            if (canonical.isEmpty()) {
                throw where.problem("'spelling' needs the word it spells, as in 'spelling que: q, k'");
            }
            for (String variant : variants) {
                if (variant.contains(" ")) {
                    throw where.problem("spelling '" + variant + "' must be one word");
                }
                if (variant.equals(canonical)) {
                    throw where.problem("spelling '" + variant + "' is the word itself");
                }
                Spelling earlier = spellings.get(variant);
                if (earlier != null && !String.join(" ", earlier.words()).equals(canonical)) {
                    throw where.problem("'" + variant + "' is already a spelling of '"
                            + String.join(" ", earlier.words()) + "' (" + earlier.where() + ")");
                }
                spellings.put(variant, new Spelling(variant, List.of(canonical.split(" ")), where));
            }
        }

        CategoryDetector toDetector() {
            Map<String, List<String>> wordsBySpelling = new HashMap<>();
            for (Spelling spelling : spellings.values()) {
                // One pass of replacement only: a spelling that leads to another spelling would match nothing.
                for (String word : spelling.words()) {
                    Spelling other = spellings.get(word);
                    if (other != null) {
                        throw spelling.where().problem("'" + word + "' is itself a spelling of '"
                                + String.join(" ", other.words()) + "' (" + other.where() + ")");
                    }
                }
                wordsBySpelling.put(spelling.variant(), spelling.words());
            }
            Map<List<String>, Phrase> byWords = new LinkedHashMap<>();
            for (WrittenPhrase written : phrases) {
                List<String> words = new ArrayList<>();
                for (String word : written.normalized().split(" ")) {
                    words.addAll(wordsBySpelling.getOrDefault(word, List.of(word)));
                }
                Phrase phrase = new Phrase(List.copyOf(words), written.category(), written.where());
                Phrase earlier = byWords.putIfAbsent(phrase.words(), phrase);
                // The same phrase twice in one category is harmless: files list the spellings people really use.
                if (earlier != null && !earlier.category().equals(phrase.category())) {
                    throw written.where().problem("phrase '" + written.normalized() + "' is already listed for "
                            + earlier.category().map(Category::apiName).orElse(IGNORE) + " (" + earlier.where() + ")");
                }
            }
            return new CategoryDetector(List.copyOf(byWords.values()), Map.copyOf(wordsBySpelling));
        }
    }
}
