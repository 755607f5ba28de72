package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.aguavoz.tickets.Category;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's goal, measured on {@code conversation/eval/reports.tsv}: at least 95 % of reports get the right
 * category at the first SMS (or, for the reports marked 'ask', the menu), at most 2 % get a wrong one, and no
 * integrity complaint is ever given a category that goes to the committee. Each part of the set is judged on its
 * own; the held-out part shows how the categoriser does on words nobody tuned it for. Its misses are printed only
 * with {@code -Daguavoz.eval.show-holdout=true}, so that tuning does not look at them by accident.
 */
class CategoryEvalTest {

    private static final String SET = "conversation/eval/reports.tsv";
    private static final double MIN_RIGHT = 0.95;
    private static final double MAX_WRONG = 0.02;
    /** "ask" in the set and in the tables: no category, so the numbered menu is sent. */
    private static final String ASK = "ask";

    private static final CategoryDetector DETECTOR = CategoryDetector.load();

    record Report(String message, String expected, String language, String part, int line) {
    }

    private record Outcome(Report report, String detected) {

        boolean right() {
            return detected.equals(report.expected());
        }

        boolean asked() {
            return !right() && detected.equals(ASK);
        }

        boolean wrong() {
            return !right() && !asked();
        }
    }

    @Test
    void tunePartMeetsTheGoal() {
        judge("tune", true);
    }

    @Test
    void holdoutPartMeetsTheGoal() {
        judge("holdout", Boolean.getBoolean("aguavoz.eval.show-holdout"));
    }

    private static void judge(String part, boolean showMisses) {
        List<Report> reports = read().stream().filter(r -> r.part().equals(part)).toList();
        assertTrue(reports.size() >= 80, part + ": too few reports to judge (" + reports.size() + ")");
        List<Outcome> outcomes = new ArrayList<>();
        for (Report report : reports) {
            outcomes.add(new Outcome(report, label(DETECTOR.detect(report.message()))));
        }

        StringBuilder out = new StringBuilder();
        // How fast is CategoryDetectorBenchmark's to say, not a test's.
        out.append(String.format(Locale.ROOT, "%n== CategoryEvalTest, %s part: %d reports ==%n", part, reports.size()));
        out.append(table(outcomes));
        out.append(confusion(outcomes));
        long right = outcomes.stream().filter(Outcome::right).count();
        long asked = outcomes.stream().filter(Outcome::asked).count();
        long wrong = outcomes.stream().filter(Outcome::wrong).count();
        List<Outcome> integrityLost = outcomes.stream()
                .filter(o -> o.report().expected().equals("integrity"))
                .filter(o -> !o.detected().equals("integrity") && !o.detected().equals(ASK))
                .toList();
        out.append(String.format(Locale.ROOT, "%s: right %d/%d = %.1f %%, asked %.1f %%, wrong %.1f %%,"
                + " integrity sent elsewhere %d%n", part, right, reports.size(), 100.0 * right / reports.size(),
                100.0 * asked / reports.size(), 100.0 * wrong / reports.size(), integrityLost.size()));
        if (showMisses) {
            outcomes.stream().filter(o -> !o.right()).forEach(o -> out.append(String.format(Locale.ROOT,
                    "  line %d: expected %s, got %s: %s%n", o.report().line(), o.report().expected(),
                    o.detected(), o.report().message())));
        }
        System.out.print(out);

        assertEquals(List.of(), integrityLost.stream().map(o -> o.report().message()).toList(),
                part + ": integrity complaints categorised as something that goes to the committee");
        assertTrue(right >= MIN_RIGHT * reports.size(), String.format(Locale.ROOT,
                "%s: %d of %d right at the first SMS, under %.0f %%", part, right, reports.size(), 100 * MIN_RIGHT));
        assertTrue(wrong <= MAX_WRONG * reports.size(), String.format(Locale.ROOT,
                "%s: %d of %d categorised wrongly, over %.0f %%", part, wrong, reports.size(), 100 * MAX_WRONG));
    }

    private static String label(Optional<Category> category) {
        return category.map(Category::apiName).orElse(ASK);
    }

    private static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Category category : Category.values()) {
            labels.add(category.apiName());
        }
        labels.add(ASK);
        return labels;
    }

    private static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-10s %5s %8s %8s %8s%n",
                "expected", "n", "right", "asked", "wrong"));
        for (String label : labels()) {
            List<Outcome> of = outcomes.stream().filter(o -> o.report().expected().equals(label)).toList();
            if (of.isEmpty()) {
                continue;
            }
            table.append(String.format(Locale.ROOT, "%-10s %5d %7.1f%% %7.1f%% %7.1f%%%n", label, of.size(),
                    share(of, Outcome::right), share(of, Outcome::asked), share(of, Outcome::wrong)));
        }
        return table.toString();
    }

    private static double share(List<Outcome> outcomes, Predicate<Outcome> which) {
        return 100.0 * outcomes.stream().filter(which).count() / outcomes.size();
    }

    private static String confusion(List<Outcome> outcomes) {
        List<String> labels = labels();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-18s", "expected \\ got"));
        labels.forEach(l -> table.append(String.format(Locale.ROOT, "%10s", l)));
        table.append(System.lineSeparator());
        for (String expected : labels) {
            List<Outcome> of = outcomes.stream().filter(o -> o.report().expected().equals(expected)).toList();
            if (of.isEmpty()) {
                continue;
            }
            table.append(String.format(Locale.ROOT, "%-18s", expected));
            for (String got : labels) {
                table.append(String.format(Locale.ROOT, "%10d",
                        of.stream().filter(o -> o.detected().equals(got)).count()));
            }
            table.append(System.lineSeparator());
        }
        return table.toString();
    }

    static List<Report> read() {
        List<Report> reports = new ArrayList<>();
        var in = CategoryEvalTest.class.getClassLoader().getResourceAsStream(SET);
        if (in == null) {
            throw new IllegalStateException(SET + " not found on the test classpath");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            boolean header = true;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // message, expected, language, part
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 4 || !labels().contains(fields[1])
                        || !List.of("tune", "holdout").contains(fields[3])) {
                    throw new IllegalStateException(SET + " line " + number + ": expected 'message TAB category or"
                            + " ask TAB language TAB tune or holdout' but found: " + line);
                }
                reports.add(new Report(fields[0], fields[1], fields[2], fields[3], number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reports;
    }
}
