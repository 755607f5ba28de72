package org.aguavoz.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aguavoz.tickets.Category;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Tells what an SMS report is about from the phrases in {@code intake/keywords_es.txt} and
 * {@code intake/keywords_en.txt}; the format is described at the top of those files. Agencies can add the words
 * their villages use without touching Java.
 * <p>
 * Words are compared by how they sound ({@link SoundKey}), so spellings by ear meet the keywords. A word that is
 * no keyword is read as keywords run together when it splits into them ("noaiawa" is "no hay agua"), or else as a
 * typo of a long keyword one or two letters away ("contaminda"); short words are never guessed at, because
 * "socio" is not "sucio".
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

    /** Keys at least this long may be one letter off a keyword; from {@link #TWO_OFF} on, two. */
    private static final int ONE_OFF = 6;
    private static final int TWO_OFF = 10;
    /**
     * A part of a word split into keywords has three letters or more, or is one of the short words that keypad
     * writers run together ("noaiawa", "yanohay", "secorto"); other short keys would split almost any word
     * ("basic" is no "va sick").
     */
    private static final int MIN_PART = 3;
    private static final Set<String> SHORT_PARTS = Set.of("no", "ai", "ya", "se", "me", "ke", "ni", "te", "le");
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);

    private static volatile CategoryDetector shared;

    private final List<KeywordLines.Phrase> phrasesLongestFirst;
    /** Indexes into phrasesLongestFirst of the phrases whose first word is this key, and of those led by a stem. */
    private final Map<String, BitSet> phrasesByFirstKey = new HashMap<>();
    private final BitSet phrasesStartingWithStem = new BitSet();
    private final Map<String, List<String>> wordsBySpelling;
    private final Set<String> skipped;
    /** Keys that stand in a phrase as whole words, and the stems of phrases. */
    private final Set<String> vocabulary = new HashSet<>();
    private final Set<String> stems = new HashSet<>();
    /** What a part of a run-together word stands for: a keyword, a skipped word (nothing) or a spelling. */
    private final Map<String, List<String>> parts = new HashMap<>();
    /** Keywords long enough to be guessed from a typo, by first letter. */
    private final Map<Character, List<String>> guessable = new HashMap<>();

    private CategoryDetector(KeywordLines.Keywords keywords) {
        this.phrasesLongestFirst = keywords.phrases().stream()
                .sorted(Comparator.comparingInt((KeywordLines.Phrase phrase) -> phrase.elements().size())
                        // "sin agua" before "agua ... calle": a phrase with a gap is the looser of two as long
                        .thenComparing(phrase -> phrase.elements().stream().noneMatch(KeywordLines.Element::gapBefore))
                        .thenComparingInt(phrase -> phrase.elements().stream()
                                .mapToInt(element -> element.key().length()).sum())
                        .reversed())
                .toList();
        this.wordsBySpelling = keywords.wordsBySpelling();
        this.skipped = keywords.skipped();
        for (int i = 0; i < phrasesLongestFirst.size(); i++) {
            KeywordLines.Phrase phrase = phrasesLongestFirst.get(i);
            for (KeywordLines.Element element : phrase.elements()) {
                (element.stem() ? stems : vocabulary).add(element.key());
            }
            KeywordLines.Element first = phrase.elements().get(0);
            if (first.stem()) {
                phrasesStartingWithStem.set(i);
            } else {
                phrasesByFirstKey.computeIfAbsent(first.key(), key -> new BitSet()).set(i);
            }
        }
        for (String key : vocabulary) {
            if (isPart(key)) {
                parts.put(key, List.of(key));
            }
            if (key.length() >= ONE_OFF) {
                guessable.computeIfAbsent(key.charAt(0), first -> new ArrayList<>()).add(key);
            }
        }
        for (String key : skipped) {
            if (isPart(key)) {
                parts.putIfAbsent(key, List.of());
            }
        }
        wordsBySpelling.forEach((variant, words) -> {
            String key = SoundKey.of(variant);
            if (isPart(key)) {
                parts.putIfAbsent(key, words.stream().map(SoundKey::of).filter(k -> !skipped.contains(k)).toList());
            }
        });
    }

    private static boolean isPart(String key) {
        return key.length() >= MIN_PART || SHORT_PARTS.contains(key);
    }

    /**
     * The detector of the Spanish and English keyword files, read once for every caller; a malformed line stops
     * startup with its file and number.
     */
    public static CategoryDetector load() {
        // Reading the files takes tens of milliseconds: the dialogues share one detector, made on first use. A
        // malformed file is read again at each call, so that every caller sees its file and line.
        CategoryDetector detector = shared;
        if (detector == null) {
            synchronized (CategoryDetector.class) {
                if (shared == null) {
                    shared = load(KEYWORD_FILES.toArray(String[]::new));
                }
                detector = shared;
            }
        }
        return detector;
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
        return new CategoryDetector(lines.toKeywords());
    }

    static CategoryDetector parse(String fileName, Reader reader) {
        KeywordLines lines = new KeywordLines();
        try {
            lines.read(fileName, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        return new CategoryDetector(lines.toKeywords());
    }

    /** Empty when no phrase matches: the caller asks the reporter rather than guessing. */
    public Optional<Category> detect(String sms) {
        List<String> words = keys(sms == null ? "" : sms);
        boolean[] used = new boolean[words.size()];
        // Only phrases whose first word is in the message can match; in their order, longest first.
        BitSet candidates = (BitSet) phrasesStartingWithStem.clone();
        for (String word : words) {
            BitSet starting = phrasesByFirstKey.get(word);
            if (starting != null) {
                candidates.or(starting);
            }
        }
        Set<Category> found = EnumSet.noneOf(Category.class);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            KeywordLines.Phrase phrase = phrasesLongestFirst.get(i);
            if (!phrase.guess() && claimIn(phrase, words, used)) {
                phrase.category().ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
                KeywordLines.Phrase phrase = phrasesLongestFirst.get(i);
                if (phrase.guess() && claimIn(phrase, words, used)) {
                    phrase.category().ifPresent(found::add);
                }
            }
        }
        return PRIORITY.stream().filter(found::contains).findFirst();
    }

    /** The message as sound keys of keywords where it has them; numbers and skipped words left out. */
    private List<String> keys(String sms) {
        List<String> keys = new ArrayList<>();
        for (String word : KeywordLines.words(sms)) {
            if (KeywordLines.isNumber(word)) {
                continue;
            }
            for (String canonical : wordsBySpelling.getOrDefault(ReportText.withoutRepeats(word), List.of(word))) {
                for (String key : understood(SoundKey.of(canonical))) {
                    if (!skipped.contains(key)) {
                        keys.add(key);
                    }
                }
            }
        }
        return keys;
    }

    private List<String> understood(String key) {
        if (isKnown(key)) {
            return List.of(key);
        }
        List<String> split = split(key);
        if (split != null) {
            return split;
        }
        String guessed = nearest(key);
        return List.of(guessed != null ? guessed : key);
    }

    private boolean isKnown(String key) {
        if (vocabulary.contains(key) || skipped.contains(key)) {
            return true;
        }
        for (int end = key.length(); end > 0; end--) {
            if (stems.contains(key.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    /** The fewest keywords that, run together, make the whole key; null when there are none or only one. */
    private List<String> split(String key) {
        int n = key.length();
        int[] fewest = new int[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(fewest, Integer.MAX_VALUE);
        fewest[0] = 0;
        for (int end = 2; end <= n; end++) {
            for (int start = 0; start <= end - 2; start++) {
                if (fewest[start] != Integer.MAX_VALUE && fewest[start] + 1 < fewest[end]
                        && parts.containsKey(key.substring(start, end))) {
                    fewest[end] = fewest[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (fewest[n] == Integer.MAX_VALUE || fewest[n] < 2) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            words.addAll(0, parts.get(key.substring(from[end], end)));
        }
        return words;
    }

    /** The one long keyword a long key is a typo of, or null when none is near enough or two are equally near. */
    private String nearest(String key) {
        if (key.length() < ONE_OFF) {
            return null;
        }
        int allowed = key.length() >= TWO_OFF ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : guessable.getOrDefault(key.charAt(0), List.of())) {
            if (Math.abs(candidate.length() - key.length()) > allowed) {
                continue;
            }
            int distance = DISTANCE.apply(key, candidate);
            if (distance < 0 || distance > allowed || candidate.length() < ONE_OFF
                    || distance == 2 && candidate.length() < TWO_OFF) {
                continue;
            }
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance && !candidate.equals(best)) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** Marks every unused occurrence of the phrase as used; true when there was one. */
    private static boolean claimIn(KeywordLines.Phrase phrase, List<String> message, boolean[] used) {
        boolean claimed = false;
        int[] at = new int[phrase.elements().size()];
        for (int start = 0; start < message.size(); start++) {
            if (occursAt(phrase.elements(), 0, start, message, used, at)) {
                for (int position : at) {
                    used[position] = true;
                }
                claimed = true;
            }
        }
        return claimed;
    }

    /** Whether elements from {@code index} on match from {@code position}, a gap allowing a few words between. */
    private static boolean occursAt(List<KeywordLines.Element> elements, int index, int position,
            List<String> message, boolean[] used, int[] at) {
        if (index == elements.size()) {
            return true;
        }
        KeywordLines.Element element = elements.get(index);
        int lastStart = element.gapBefore() ? position + KeywordLines.GAP_WORDS : position;
        for (int p = position; p <= lastStart && p < message.size(); p++) {
            if (!used[p] && element.matches(message.get(p))) {
                at[index] = p;
                if (occursAt(elements, index + 1, p + 1, message, used, at)) {
                    return true;
                }
            }
        }
        return false;
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
}
