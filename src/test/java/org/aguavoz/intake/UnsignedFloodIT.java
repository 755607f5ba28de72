package org.aguavoz.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The finding behind the 64 KB limit: 96 unsigned 10 MB bodies, each decoded in full before its signature was
 * checked, made real webhooks wait 13.8 s (Twilio gives up at 15 s) and grew the heap to 6.6 GB. Here the packaged
 * app runs with a 256 MB heap, and {@value #SENDERS} senders in a process of their own ({@link UnsignedFlood}) keep
 * 10 MB bodies coming on loopback while this JVM sends signed SMS webhooks one after the other: each must be
 * answered 200 within a second, every unsigned body must be refused (413, or the connection closed), nothing but
 * the signed webhooks may be stored, and the app must stay up with its heap, read from its own metrics, within the
 * maximum. An OutOfMemoryError ends the app ({@code -XX:+ExitOnOutOfMemoryError}) instead of being survived
 * unseen by some thread. Bodies are refused so fast that the senders, whose bodies stay on this machine's cores
 * where a real attacker's would not, run at the lowest CPU priority.
 */
class UnsignedFloodIT {

    private static final int SENDERS = 100;
    private static final long HEAP_MAX = 256L * 1024 * 1024;
    private static final List<String> JVM = List.of("-Xmx" + HEAP_MAX / 1024 / 1024 + "m",
            "-XX:+ExitOnOutOfMemoryError");
    private static final int WARM_UP = 10;
    private static final int SIGNED = 40;
    /** Between signed webhooks, so that they are spread over the flood rather than bunched at its start. */
    private static final Duration SIGNED_EVERY = Duration.ofMillis(250);
    private static final Duration SIGNED_LIMIT = Duration.ofSeconds(1);
    /** Each sender sends its next body as soon as the last one is refused. */
    private static final long SENDER_PAUSE_MILLIS = 0;
    /** The senders stop by themselves after this long, should this test die without telling them. */
    private static final int FLOOD_MAX_SECONDS = 60;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void signedWebhooksAreAnsweredWithinASecondAndTheHeapStaysWithinItsMaximumDuringAFlood() throws Exception {
        Path workDir = PackagedApp.freshDirectory("UnsignedFloodIT");
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, JVM, env())) {
            app.awaitReady(Duration.ofSeconds(90));
            int port = app.request("/").build().uri().getPort();
            // The first requests of a fresh JVM pay for class loading and the JIT, not for the flood.
            long[] before = signedWebhooks(app, WARM_UP, Duration.ZERO);

            Metrics metrics = new Metrics(app, port);
            Process flood = startFlood(workDir, port);
            long[] during;
            String result;
            long floodMillis;
            Duration floodCpu;
            try (BufferedReader floodOutput = flood.inputReader()) {
                long floodStart = System.nanoTime();
                metrics.start();
                String first = floodOutput.readLine();
                assertEquals(UnsignedFlood.FLOODING, first, "the senders did not all get an answer");
                during = signedWebhooks(app, SIGNED, SIGNED_EVERY);
                floodCpu = flood.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
                flood.getOutputStream().close();
                result = floodOutput.readLine();
                floodMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - floodStart);
                assertTrue(flood.waitFor(30, TimeUnit.SECONDS), "the senders did not stop");
            } finally {
                metrics.stop();
                flood.destroyForcibly();
            }
            app.awaitReady(Duration.ofSeconds(5)); // still up
            Metrics.Sample after = metrics.sample();

            Map<String, Long> outcomes = outcomes(result);
            long bodies = outcomes.remove("bodies");
            long mostBytesWritten = outcomes.remove("mostBytesWritten");
            long refused = outcomes.getOrDefault("413", 0L) + outcomes.getOrDefault("closed", 0L);
            long slowest = Arrays.stream(during).max().orElseThrow();
            System.out.printf("UnsignedFloodIT: %d senders (%.1f s of CPU), %d unsigned 10 MB bodies in %.1f s,"
                    + " %d refused %s, at most %d KB of one written before its refusal; %d signed webhooks during"
                    + " the flood answered in %d-%d ms (median %d; before it %d-%d ms); heap used at most %d MB of"
                    + " %d MB (%d samples); up to %d connections open at once; %d SMS stored%n",
                    SENDERS, floodCpu.toMillis() / 1e3, bodies, floodMillis / 1e3, refused, outcomes,
                    mostBytesWritten / 1024, SIGNED, Arrays.stream(during).min().orElseThrow(), slowest,
                    median(during), Arrays.stream(before).min().orElseThrow(),
                    Arrays.stream(before).max().orElseThrow(), metrics.mostHeapUsed / 1024 / 1024,
                    metrics.heapMax / 1024 / 1024, metrics.samples, metrics.mostConnections, after.stored());

            assertTrue(slowest < SIGNED_LIMIT.toMillis(), "signed webhooks took " + Arrays.toString(during)
                    + " ms during the flood (" + Arrays.toString(before) + " ms before it)");
            assertEquals(bodies, refused, "unsigned bodies that were not refused: " + outcomes);
            assertTrue(bodies >= 2L * SENDERS, "the flood did not happen: " + result);
            // A connection closed only after the whole body was taken would count as refused above.
            assertTrue(mostBytesWritten < UnsignedFlood.BODY_BYTES, "an unsigned body was read to its end");
            assertNull(metrics.failure, "the metrics could not be read during the flood");
            assertTrue(metrics.heapMax > 0 && metrics.heapMax <= HEAP_MAX,
                    "the app's heap maximum is " + metrics.heapMax + ", not the configured " + HEAP_MAX);
            assertTrue(metrics.mostHeapUsed <= metrics.heapMax,
                    "heap used " + metrics.mostHeapUsed + " over its maximum " + metrics.heapMax);
            assertTrue(metrics.samples >= 10, "the metrics were read only " + metrics.samples + " times");
            assertEquals(WARM_UP + SIGNED, after.stored(), "SMS stored: only the signed webhooks may be");
            assertFalse(app.output().contains("OutOfMemoryError"), "the app ran out of memory");
        }
    }

    private static Map<String, String> env() {
        return PackagedApp.operatorEnv("flood-admin-2026");
    }

    /** Sends {@code count} signed SMS webhooks one after the other; each must get 200. Returns their latencies. */
    private static long[] signedWebhooks(PackagedApp app, int count, Duration every) throws InterruptedException {
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), "101 sin agua");
            HttpRequest request = app.request("/twilio/sms").timeout(Duration.ofSeconds(5))
                    .header("Content-Type", FORM)
                    .header("X-Twilio-Signature", TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + "/twilio/sms",
                            params, TwilioWebhook.AUTH_TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhook.encode(params))).build();
            long start = System.nanoTime();
            HttpResponse<String> response = send(request);
            millis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(200, response.statusCode(), "signed webhook " + i + ": " + response.body());
            Thread.sleep(every.toMillis());
        }
        return millis;
    }

    private static Process startFlood(Path workDir, int port) throws IOException, URISyntaxException {
        Path classes = Path.of(UnsignedFlood.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // Lowest priority: on loopback the senders' 100 threads share the app's cores, and at equal priority the
        // scheduler would hand them most of the CPU; an attacker's own CPU is not the server's to spend.
        List<String> command = List.of("nice", "-n", "19",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", classes.toString(), UnsignedFlood.class.getName(), Integer.toString(port),
                Integer.toString(SENDERS), Integer.toString(FLOOD_MAX_SECONDS), Long.toString(SENDER_PAUSE_MILLIS));
        return new ProcessBuilder(command).redirectError(workDir.resolve("flood.log").toFile()).start();
    }

    /** {@code result bodies=12 413=5 closed=7 mostBytesWritten=…} as name → count. */
    private static Map<String, Long> outcomes(String result) {
        assertTrue(result != null && result.startsWith(UnsignedFlood.RESULT + " "), "the senders said " + result);
        Map<String, Long> outcomes = new TreeMap<>();
        for (String pair : result.substring(UnsignedFlood.RESULT.length() + 1).split(" ")) {
            int eq = pair.indexOf('=');
            outcomes.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return outcomes;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The app's own view of itself, from /q/metrics on the management port, read every 200 ms while the flood lasts:
     * heap used (all heap pools) against its maximum, and connections open on the public port.
     */
    private static final class Metrics {
        private final PackagedApp app;
        private final String connectionsLine;
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread sampler;
        private volatile long heapMax;
        private volatile long mostHeapUsed;
        private volatile long mostConnections;
        private volatile int samples;
        private volatile RuntimeException failure;

        Metrics(PackagedApp app, int port) {
            this.app = app;
            this.connectionsLine = "http_server_active_connections{server_port=\"" + port + "\"}";
        }

        record Sample(long heapUsed, long heapMax, long connections, long stored) {
        }

        void start() {
            running.set(true);
            sampler = new Thread(() -> {
                while (running.get()) {
                    Sample sample;
                    try {
                        sample = sample();
                    } catch (RuntimeException | AssertionError e) {
                        failure = new IllegalStateException(e);
                        return;
                    }
                    heapMax = Math.max(heapMax, sample.heapMax());
                    mostHeapUsed = Math.max(mostHeapUsed, sample.heapUsed());
                    mostConnections = Math.max(mostConnections, sample.connections());
                    samples++;
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "metrics");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            if (sampler != null) {
                sampler.join(10_000);
            }
        }

        /**
         * Heap pools without a maximum of their own (G1's eden and survivor) say -1 and are left out of the maximum;
         * the stored count is {@code aguavoz_sms_stored_total} over both ways of answering.
         */
        Sample sample() {
            HttpResponse<String> response = app.send(app.managementRequest("/q/metrics")
                    .timeout(Duration.ofSeconds(5)).GET().build());
            assertEquals(200, response.statusCode(), "/q/metrics: " + response.body());
            long used = 0;
            long max = 0;
            long connections = 0;
            long stored = 0;
            for (String line : response.body().lines().toList()) {
                if (line.startsWith("#")) {
                    continue;
                }
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) value;
                } else if (line.startsWith("jvm_memory_max_bytes{") && line.contains("area=\"heap\"") && value > 0) {
                    max += (long) value;
                } else if (line.startsWith(connectionsLine)) {
                    connections = (long) value;
                } else if (line.startsWith("aguavoz_sms_stored_total{")) {
                    stored += (long) value;
                }
            }
            return new Sample(used, max, connections, stored);
        }
    }
}
