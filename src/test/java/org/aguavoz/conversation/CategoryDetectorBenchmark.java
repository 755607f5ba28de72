package org.aguavoz.conversation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * How long categorising one SMS takes (issue 17: well under a millisecond), on the reports of the evaluation set:
 * reading the keyword files once, the first pass (a cold JVM, as after a restart), then passes after warm-up. CPU
 * time of this thread, so that other work on a shared machine counts less than in wall-clock time.
 *
 * <p>Not a {@code *Test}: only {@code ./mvnw -B test -Dtest=CategoryDetectorBenchmark} runs it.
 */
class CategoryDetectorBenchmark {

    private static final int PASSES = 200;

    @Test
    void microsecondsAReport() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // First, before CategoryEvalTest (whose class reads them too) is touched.
        long start = threads.getCurrentThreadCpuTime();
        CategoryDetector detector = CategoryDetector.load();
        long loadNanos = threads.getCurrentThreadCpuTime() - start;
        List<String> messages = CategoryEvalTest.read().stream().map(CategoryEvalTest.Report::message).toList();

        double[] microsAReport = new double[PASSES];
        for (int pass = 0; pass < PASSES; pass++) {
            start = threads.getCurrentThreadCpuTime();
            messages.forEach(detector::detect);
            microsAReport[pass] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / messages.size();
        }
        double first = microsAReport[0];
        double[] warm = Arrays.copyOfRange(microsAReport, PASSES / 2, PASSES);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "%nCategoryDetectorBenchmark: %d reports, %d passes; keyword files read in %.0f ms"
                + " of CPU; a report: %.1f us on the first pass, after warm-up median %.1f us, slowest pass %.1f us%n%n",
                messages.size(), PASSES, loadNanos / 1e6, first, warm[warm.length / 2], warm[warm.length - 1]);
    }
}
