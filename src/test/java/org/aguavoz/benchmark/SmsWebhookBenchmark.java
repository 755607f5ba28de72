package org.aguavoz.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.aguavoz.PackagedApp;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/**
 * How fast the packaged app answers Twilio's SMS webhook, against {@code POST /benchmark/baseline} (same HTTP stack,
 * one insert) in the same run, and whether a webhook answered 200 is ever missing from the database.
 *
 * <p>Not a {@code *Test} or {@code *IT}: only {@code ./mvnw -B verify -Pbenchmark} runs it. Settings are system
 * properties, see {@link Settings}. The load generator shares the machine with the app and PostgreSQL, so the CPU
 * each of the three spends per request is printed too: it says whether the generator limited the result.
 */
class SmsWebhookBenchmark {

    private static final String WORK_DIR = "SmsWebhookBenchmark";
    private static final String FORM = "application/x-www-form-urlencoded";
    /** Twilio gives up on a webhook after 15 s; a slower answer is a failure for the reporter too. */
    static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(15);
    /** How long a run's stored-but-not-yet-answered messages may take to be answered before the next run. */
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    /**
     * PostgreSQL flushes a busy backend's statistics at most once a second and an idle one's after 10 s: wait that
     * long after each run so its database figures are complete (the pause also lets the app settle).
     */
    static final Duration SETTLE = Duration.ofSeconds(11);

    @Test
    void webhookAgainstBaseline() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path workDir = PackagedApp.freshDirectory(WORK_DIR);
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, settings.appCommandLine(), appEnv());
                Generator generator = new Generator(app, settings.phones(), settings.client())) {
            app.awaitReady(Duration.ofSeconds(120));
            try (Database db = Database.connect()) {
                Meter meter = new Meter(workDir, db);
                System.out.printf("%nSMS webhook benchmark: %d cores shared by generator, app and PostgreSQL; %s%n",
                        Runtime.getRuntime().availableProcessors(), settings);

                // The JIT and the pools warm up before anything is measured, under both load shapes: measured here,
                // after 5 s the first run's p99 was 5 times that after 20 s, and after a saturated warm-up alone C2
                // still took a sixth of the machine during the first fixed-rate run.
                Instant warmupFrom = Instant.now().minusSeconds(1);
                for (Endpoint endpoint : Endpoint.values()) {
                    generator.closed(endpoint, settings.concurrency(), settings.warmup(), false);
                    generator.open(endpoint, settings.rate(), settings.warmup(), settings.openSenders(), false);
                }
                // The warm-up floods too: its catch-up must not run into the idle figures or the first run.
                System.out.println("warm-up: " + db.waitUntilAnswered(warmupFrom, Instant.now(), CATCH_UP));
                pause(SETTLE);
                // What the app and PostgreSQL burn with no requests (JIT, scheduled jobs) is in every run's figures.
                System.out.println(meter.idle(SETTLE));

                // Throughput first: the saturated runs also finish warming the JIT before the latency runs, which a
                // compiler thread still busy from the warm-up would otherwise spoil.
                List<Result> results = new ArrayList<>();
                String closed = "closed " + settings.concurrency();
                Instant closedFrom = Instant.now().minusSeconds(1);
                Result closedWebhook = meter.measure(closed, () ->
                        generator.closed(Endpoint.WEBHOOK, settings.concurrency(), settings.length(), false));
                results.add(closedWebhook);
                // Under saturation most messages are only stored and answered afterwards by SMS: say how many and
                // how long the catch-up took, and let it finish before the next run so runs do not overlap.
                System.out.println("closed run: " + db.waitUntilAnswered(closedFrom, meter.lastRunEnd(), CATCH_UP));
                Result closedBaseline = meter.measure(closed, () ->
                        generator.closed(Endpoint.BASELINE, settings.concurrency(), settings.length(), false));
                results.add(closedBaseline);
                String open = "open " + fmt(settings.rate()) + "/s";
                Result openWebhook = meter.measure(open, () -> generator.open(Endpoint.WEBHOOK, settings.rate(),
                        settings.length(), settings.openSenders(), false));
                results.add(openWebhook);
                results.add(meter.measure(open, () -> generator.open(Endpoint.BASELINE, settings.rate(),
                        settings.length(), settings.openSenders(), false)));

                Instant sustainedFrom = Instant.now().minusSeconds(1);
                Result sustained = meter.measure("sustained " + fmt(settings.sustainedRate()) + "/s", () ->
                        generator.open(Endpoint.WEBHOOK, settings.sustainedRate(), settings.length(),
                                settings.openSenders(), true));
                results.add(sustained);
                System.out.println("sustained run: " + db.waitUntilAnswered(sustainedFrom, meter.lastRunEnd(), CATCH_UP));
                Loss loss = Loss.check(sustained.okSids(), db.answeredSince(sustainedFrom));

                Report.print(results, closedWebhook.throughput() / closedBaseline.throughput(), loss);
                Report.goals(settings, openWebhook, closedWebhook, closedBaseline, sustained, loss);
                Report.appErrors(app.outputLines());
                System.out.println("database after the run: " + db.summary());
                assertEquals(0, loss.lost(), "webhooks answered 200 but not stored");
            }
        }
    }

    /** The production settings an operator gives, plus what a benchmark needs: the baseline, no flood limit. */
    static Map<String, String> appEnv() {
        return PackagedApp.operatorEnv("benchmark-admin-2026",
                "AGUAVOZ_BENCHMARK_BASELINE", "true",
                // Each phone sends dozens of messages in a run; past the limit the app answers nothing, which is
                // cheaper than real traffic and would flatter the figures.
                "AGUAVOZ_SMS_INTAKE_MAX_PER_HOUR", "10000");
    }

    /**
     * {@code -Dbench.rate=200 -Dbench.seconds=30 -Dbench.concurrency=32 -Dbench.phones=2000
     * -Dbench.sustained.rate=1500 -Dbench.warmup=20 -Dbench.open.senders=256 -Dbench.client=socket
     * -Dbench.app.options="-Dquarkus.datasource.jdbc.max-size=40"}
     *
     * @param warmupSeconds each endpoint is warmed this long saturated, then this long at {@code rate}
     * @param openSenders   the most requests in flight in the open-model runs; a request that waits for a free
     *                      sender still counts its latency from its scheduled time
     * @param appOptions    extra JVM options of the app (settings to try, {@code -XX:StartFlightRecording=…})
     */
    record Settings(double rate, int seconds, int concurrency, int phones, double sustainedRate, int warmupSeconds,
            int openSenders, Client client, List<String> appOptions) {

        static Settings fromSystemProperties() {
            String options = System.getProperty("bench.app.options", "").strip();
            Settings s = new Settings(Double.parseDouble(System.getProperty("bench.rate", "200")),
                    Integer.getInteger("bench.seconds", 30), Integer.getInteger("bench.concurrency", 32),
                    Integer.getInteger("bench.phones", 2000),
                    Double.parseDouble(System.getProperty("bench.sustained.rate", "1500")),
                    Integer.getInteger("bench.warmup", 20), Integer.getInteger("bench.open.senders", 256),
                    Client.valueOf(System.getProperty("bench.client", "socket").toUpperCase(Locale.ROOT)),
                    options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
            if (s.rate <= 0 || s.sustainedRate <= 0 || s.seconds < 1 || s.concurrency < 1 || s.openSenders < 1
                    || s.warmupSeconds < 0 || s.phones < 1 || s.phones > Generator.MAX_PHONES) {
                throw new IllegalArgumentException("bad benchmark settings: " + s);
            }
            return s;
        }

        /** The packaged app's command line: the demo data, plus any JVM or Quarkus options under test. */
        /** The memory settings the systemd unit ships (so the figures are those of a real server), then ours. */
        List<String> appCommandLine() {
            List<String> line = new ArrayList<>(deployedJvmOptions());
            line.add("-Dquarkus.profile=demo");
            line.addAll(appOptions);
            return line;
        }

        /** JAVA_OPTS of deploy/aguavoz.service. */
        static List<String> deployedJvmOptions() {
            try {
                String unit = Files.readString(Path.of("deploy/aguavoz.service"));
                java.util.regex.Matcher options = java.util.regex.Pattern.compile("Environment=\"JAVA_OPTS=([^\"]*)\"")
                        .matcher(unit);
                if (!options.find()) {
                    throw new IllegalStateException("deploy/aguavoz.service sets no JAVA_OPTS");
                }
                return List.of(options.group(1).strip().split("\\s+"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Duration length() {
            return Duration.ofSeconds(seconds);
        }

        Duration warmup() {
            return Duration.ofSeconds(warmupSeconds);
        }

        @Override
        public String toString() {
            return ("rate=%s/s seconds=%d concurrency=%d phones=%d sustained.rate=%s/s warmup=%ds open.senders=%d"
                    + " client=%s app.options=%s").formatted(fmt(rate), seconds, concurrency, phones,
                    fmt(sustainedRate), warmupSeconds, openSenders, client.name().toLowerCase(Locale.ROOT),
                    String.join(" ", appOptions));
        }
    }

    enum Endpoint {
        WEBHOOK("/twilio/sms"), BASELINE("/benchmark/baseline");

        final String path;

        Endpoint(String path) {
            this.path = path;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Sends signed Twilio-like SMS webhooks. Both endpoints get the very same kind of request (body, signature
     * header), so the difference between them is what the app does with it.
     */
    static final class Generator implements AutoCloseable {

        /** Phones +52 961 555 2000 to 9999: valid Mexican numbers clear of the demo's reporters and committees. */
        static final int MAX_PHONES = 8000;

        /**
         * What villagers send, in Spanish and English: reports with a community code or name (a ticket), reports
         * without one (AguaVoz asks which community), a bare code or menu digit (the answer to that question),
         * and keywords.
         */
        static final List<String> MESSAGES = List.of(
                "101 sin agua desde ayer", "101 no hay agua en todo el barrio centro", "agua sucia en 103",
                "102 el agua sale turbia y huele mal", "fuga en la calle 5 de mayo 105",
                "104 hay una fuga grande frente a la escuela", "106 me cobraron 200 pesos de mas en el recibo",
                "107 se rompio el tubo y se tira el agua", "comunidad 103 no llega el agua desde el lunes",
                "en los anjeles no hay agua", "vista hermosa lleva 3 dias sin agua",
                "en montebello el agua viene con tierra", "el sabino fuga en la toma principal",
                "joaquin miguel sin servicio de agua", "no water 102", "dirty water in 104",
                "leak on the main street 105", "no water since monday in el sabino",
                "no hay agua", "sin agua desde ayer", "el agua huele mucho a cloro", "hay una fuga en mi calle",
                "nos cobraron doble este mes", "no water at home", "the water is brown",
                "101", "103", "105", "1", "2", "3", "6",
                "ESTADO 4821", "estado", "Hola, estado de mi reporte 5531 por favor", "status 12345",
                "AYUDA", "HELP", "?", "anonimo el fontanero pide dinero por conectar la toma");

        private final int port;
        private final int phones;
        private final Client client;
        /** One recorded webhook; each request copies it with a fresh MessageSid, phone and text. */
        private final Map<String, String> template = TwilioWebhook.sms("+529615552000", "");
        private final ExecutorService httpExecutor = Executors.newFixedThreadPool(2, daemon("http"));
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(httpExecutor).build();

        Generator(PackagedApp app, int phones, Client client) {
            this.port = app.request("/").build().uri().getPort();
            this.phones = phones;
            this.client = client;
        }

        /**
         * Open model: request i is due at start + i / rate whether or not earlier ones were answered, and its
         * latency runs from that due time. A slow app therefore shows as queueing, not as fewer requests sent
         * (no coordinated omission). Requests still waiting 15 s after the end are counted as unsent.
         */
        Result open(Endpoint endpoint, double rate, Duration length, int senders, boolean keepSids) {
            long period = Math.round(1e9 / rate);
            long slots = Math.round(rate * length.toSeconds());
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime() + Duration.ofMillis(50).toNanos(); // every sender is waiting by then
            long giveUp = start + length.toNanos() + TWILIO_TIMEOUT.toNanos();
            Result result = run(endpoint.label(), senders, start, keepSids, (sender, tally) -> {
                for (long i = next.getAndIncrement(); i < slots; i = next.getAndIncrement()) {
                    Webhook webhook = webhook(endpoint);
                    long due = start + i * period;
                    sleepUntil(due);
                    if (System.nanoTime() > giveUp) {
                        return;
                    }
                    send(sender, webhook, due, tally);
                }
            });
            return result.withUnsent(slots - result.sent());
        }

        /** Closed model: each worker sends its next request when the previous one is answered, as fast as it can. */
        Result closed(Endpoint endpoint, int workers, Duration length, boolean keepSids) {
            long start = System.nanoTime();
            long end = start + length.toNanos();
            return run(endpoint.label(), workers, start, keepSids, (sender, tally) -> {
                while (System.nanoTime() < end) {
                    Webhook webhook = webhook(endpoint);
                    send(sender, webhook, System.nanoTime(), tally);
                }
            });
        }

        private interface Worker {
            void work(Sender sender, Tally tally) throws InterruptedException;
        }

        private Result run(String label, int threads, long start, boolean keepSids, Worker worker) {
            ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("load"));
            try {
                List<Future<Tally>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Callable<Tally> task = () -> {
                        Tally tally = new Tally(keepSids);
                        try (Sender sender = sender()) {
                            worker.work(sender, tally);
                        }
                        return tally;
                    };
                    futures.add(pool.submit(task));
                }
                List<Tally> tallies = new ArrayList<>();
                for (Future<Tally> future : futures) {
                    tallies.add(future.get());
                }
                return Result.of(label, tallies, System.nanoTime() - start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private Sender sender() {
            return client == Client.JDK ? new JdkSender(http, port) : new SocketSender(port);
        }

        private Webhook webhook(Endpoint endpoint) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String sid = TwilioWebhook.freshSid("SM");
            Map<String, String> params = new HashMap<>(template);
            params.put("MessageSid", sid);
            params.put("SmsMessageSid", sid);
            params.put("SmsSid", sid);
            params.put("From", "+52961555" + (2000 + random.nextInt(phones)));
            params.put("Body", MESSAGES.get(random.nextInt(MESSAGES.size())));
            String signature = TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + endpoint.path, params,
                    TwilioWebhook.AUTH_TOKEN);
            return new Webhook(endpoint.path, sid, signature, TwilioWebhook.encode(params));
        }

        private static void send(Sender sender, Webhook webhook, long from, Tally tally) {
            try {
                int status = sender.post(webhook);
                tally.answered(status, (System.nanoTime() - from) / 1_000, webhook.sid());
            } catch (IOException e) {
                tally.failed(e);
            }
        }

        @Override
        public void close() {
            httpExecutor.shutdownNow();
        }
    }

    /** One signed webhook: the same request goes to either endpoint, so only what the app does differs. */
    record Webhook(String path, String sid, String signature, String body) {
    }

    /**
     * Which HTTP client sends: {@code socket} (one keep-alive connection per worker, a few lines of HTTP/1.1) is the
     * default because the JDK's HttpClient cost this JVM three times the CPU per request (0.09 against 0.03 ms on
     * the baseline, two cores), CPU the app and PostgreSQL then lack; {@code jdk} is there to check that claim.
     */
    enum Client { SOCKET, JDK }

    /** Sends one worker's requests and returns the HTTP status; the body is read and dropped. */
    interface Sender extends AutoCloseable {
        int post(Webhook webhook) throws IOException;

        @Override
        void close();
    }

    /** The JDK client, shared by all workers (it pools connections itself). */
    static final class JdkSender implements Sender {
        private final HttpClient http;
        private final String base;

        JdkSender(HttpClient http, int port) {
            this.http = http;
            this.base = "http://localhost:" + port;
        }

        @Override
        public int post(Webhook webhook) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + webhook.path())).timeout(TWILIO_TIMEOUT)
                    .header("Content-Type", FORM)
                    .header("X-Twilio-Signature", webhook.signature())
                    .POST(HttpRequest.BodyPublishers.ofString(webhook.body()))
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void close() {
            // the shared client outlives its workers
        }
    }

    /**
     * Plain HTTP/1.1 over one keep-alive socket: writes the request, reads the status line, the headers and a
     * Content-Length or chunked body. After any error the connection is dropped and the next request opens one.
     */
    static final class SocketSender implements Sender {
        private final int port;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        SocketSender(int port) {
            this.port = port;
        }

        @Override
        public int post(Webhook webhook) throws IOException {
            return post(webhook, null);
        }

        /**
         * Like {@link #post(Webhook)}, but copies the answer's body into {@code answer} when it is not null: a voice
         * call, like Twilio, must read each TwiML answer to know where to post next.
         */
        int post(Webhook webhook, ByteArrayOutputStream answer) throws IOException {
            byte[] body = webhook.body().getBytes(StandardCharsets.UTF_8);
            String head = "POST " + webhook.path() + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: " + FORM + "\r\nX-Twilio-Signature: " + webhook.signature()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            try {
                connect();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return readResponse(answer);
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private void connect() throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) TWILIO_TIMEOUT.toMillis());
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = new BufferedOutputStream(socket.getOutputStream());
            }
        }

        private int readResponse(ByteArrayOutputStream answer) throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long chunk = Long.parseLong(line().split(";")[0].strip(), 16); chunk > 0;
                        chunk = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(chunk, answer);
                    line();
                }
                line();
            } else {
                skip(length, answer);
            }
            if (close) {
                close();
            }
            return code;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed by the app");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        /** Reads past {@code n} bytes of the body, keeping them in {@code answer} if there is one. */
        private void skip(long n, ByteArrayOutputStream answer) throws IOException {
            if (answer != null) {
                byte[] bytes = in.readNBytes((int) n);
                if (bytes.length < n) {
                    throw new EOFException("connection closed by the app");
                }
                answer.write(bytes);
                return;
            }
            for (long left = n; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed by the app");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the connection is being thrown away anyway
                }
                socket = null;
            }
        }
    }

    /** One worker's counts; merged after the run so workers never contend on shared counters. */
    static final class Tally {
        private long[] micros = new long[4096];
        private int count;
        private int sent;
        private final Map<String, Integer> failures = new TreeMap<>();
        private final List<String> okSids;

        Tally(boolean keepSids) {
            this.okSids = keepSids ? new ArrayList<>() : null;
        }

        void answered(int status, long latencyMicros, String sid) {
            sent++;
            if (status != 200) {
                failures.merge("HTTP " + status, 1, Integer::sum);
                return;
            }
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = latencyMicros;
            if (okSids != null) {
                okSids.add(sid);
            }
        }

        void failed(IOException e) {
            sent++;
            failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
        }
    }

    /** One run of one endpoint. Latencies are of the 200 answers, in microseconds, sorted. */
    record Result(String run, String endpoint, int sent, long[] micros, Map<String, Integer> failures, long unsent,
            long elapsedNanos, Set<String> okSids, Usage usage) {

        static Result of(String endpoint, List<Tally> tallies, long elapsedNanos) {
            int sent = tallies.stream().mapToInt(t -> t.sent).sum();
            long[] micros = tallies.stream().flatMapToLong(t -> Arrays.stream(t.micros, 0, t.count)).sorted().toArray();
            Map<String, Integer> failures = new TreeMap<>();
            tallies.forEach(t -> t.failures.forEach((kind, n) -> failures.merge(kind, n, Integer::sum)));
            Set<String> sids = tallies.get(0).okSids == null ? Set.of()
                    : tallies.stream().flatMap(t -> t.okSids.stream()).collect(Collectors.toSet());
            return new Result("", endpoint, sent, micros, failures, 0, elapsedNanos, sids, null);
        }

        Result withUnsent(long n) {
            return new Result(run, endpoint, sent, micros, failures, n, elapsedNanos, okSids, usage);
        }

        Result measured(String name, Usage used) {
            return new Result(name, endpoint, sent, micros, failures, unsent, elapsedNanos, okSids, used);
        }

        int ok() {
            return micros.length;
        }

        /** Everything that did not get a 200: other statuses, I/O errors and timeouts, and requests never sent. */
        long failed() {
            return sent - ok() + unsent;
        }

        double throughput() {
            return ok() / (elapsedNanos / 1e9);
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * micros.length);
            return micros[Math.max(0, rank - 1)] / 1000.0;
        }
    }

    /** CPU and database work of a run, divided by its requests; {@code otherShare} is of the whole machine. */
    record Usage(double generatorMs, double appMs, double appJitMs, double dbMs, double otherShare, double commits,
            double rowsWritten, double indexScans, double seqScans) {
    }

    /**
     * Reads, around each run, the CPU time of the three processes sharing the machine (this JVM, the app's JVM,
     * the PostgreSQL server and its backends), the machine's total (whatever else ran, a build in another
     * terminal, makes the figures unreliable) and PostgreSQL's own activity counters.
     */
    static final class Meter {

        /** Linux counts /proc/stat in USER_HZ ticks, 100 per second on every common kernel. */
        private static final long NANOS_PER_TICK = 10_000_000;

        private final Path postmasterPid;
        private final Database db;
        private Instant lastRunEnd = Instant.now();

        Meter(Path workDir, Database db) {
            this.postmasterPid = workDir.resolve("data/postgresql/postmaster.pid");
            this.db = db;
        }

        private record Sample(long at, long machineBusy, long generator, long app, long appJit, long postgres,
                Database.Activity activity) {

            Sample minus(Sample earlier) {
                return new Sample(at - earlier.at, machineBusy - earlier.machineBusy, generator - earlier.generator,
                        app - earlier.app, appJit - earlier.appJit, postgres - earlier.postgres,
                        activity.minus(earlier.activity));
            }

            /** Share of the machine's CPU capacity used by processes other than ours. */
            double otherShare() {
                double ours = generator + app + postgres;
                return Math.max(0, machineBusy - ours) / ((double) at * Runtime.getRuntime().availableProcessors());
            }
        }

        /** When the last measured run stopped sending (before the pause that completes its figures). */
        Instant lastRunEnd() {
            return lastRunEnd;
        }

        Result measure(String name, Supplier<Result> run) {
            Sample before = sample();
            Memory.Peak memory = Memory.watch(appProcess().pid(), postmasterPid);
            Result result = run.get();
            lastRunEnd = Instant.now();
            System.out.println(name + ": " + memory.stop());
            // The figures include what the app does during the pause: for a flooding run, answering its backlog.
            pause(SETTLE);
            Sample used = sample().minus(before);
            double n = Math.max(1, result.sent());
            Database.Activity db = used.activity();
            Usage usage = new Usage(used.generator() / 1e6 / n, used.app() / 1e6 / n, used.appJit() / 1e6 / n,
                    used.postgres() / 1e6 / n, used.otherShare(), db.commits() / n, db.rowsWritten() / n,
                    db.indexScans() / n, db.seqScans() / n);
            return result.measured(name, usage);
        }

        /** CPU per second of each process while no request is sent. */
        String idle(Duration length) {
            Sample before = sample();
            pause(length);
            Sample used = sample().minus(before);
            double seconds = used.at() / 1e9;
            return ("idle for %d s: cpu per second gen %.0f ms, app %.0f ms, db %.0f ms;"
                    + " other processes %.0f%% of the machine").formatted(length.toSeconds(),
                    used.generator() / 1e6 / seconds, used.app() / 1e6 / seconds, used.postgres() / 1e6 / seconds,
                    100 * used.otherShare());
        }

        private static ProcessHandle appProcess() {
            return ProcessHandle.current().children()
                    .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
                    .findFirst().orElseThrow();
        }

        private Sample sample() {
            long generator = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            ProcessHandle app = appProcess();
            return new Sample(System.nanoTime(), machineBusyNanos(), generator, cpuNanos(app), jitNanos(app.pid()),
                    postgresCpuNanos(), db.activity());
        }

        /**
         * CPU of the app's JIT compiler threads ("C1/C2 CompilerThread…" in /proc): on two cores C2 competes with
         * the requests for many seconds after a warm-up, and that shows as app CPU per request. A compiler thread
         * the JVM stops takes its count along, so this is a lower bound.
         */
        private static long jitNanos(long pid) {
            long ticks = 0;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        // After "(name) ": state is field 3; utime and stime are fields 14 and 15.
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            } catch (IOException threadsComeAndGo) {
                // a thread that ended between list and read: its time is gone either way
            }
            return ticks * NANOS_PER_TICK;
        }

        /** All CPUs' busy time: the first line of /proc/stat minus its idle and iowait columns. */
        private static long machineBusyNanos() {
            try {
                String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(ticks.length, 9); i++) {
                    busy += (i == 4 || i == 5) ? 0 : Long.parseLong(ticks[i]);
                }
                return busy * NANOS_PER_TICK;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The postmaster is not our child (it is reparented), so it is found through its pid file. */
        private long postgresCpuNanos() {
            try {
                long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
                return ProcessHandle.of(pid).map(p -> cpuNanos(p) + p.descendants().mapToLong(Meter::cpuNanos).sum())
                        .orElse(0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long cpuNanos(ProcessHandle process) {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    /**
     * Memory during a run, sampled twice a second: the app's resident set (VmRSS) and the embedded PostgreSQL's
     * proportional set (Pss of the postmaster and every backend, so shared buffers are counted once), at their peaks.
     * The goal for a 1 GB server: app at most 400 MB, app and database together at most 600 MB.
     */
    static final class Memory {

        record Peak(java.util.concurrent.ScheduledExecutorService sampler, long[] appKb, long[] dbKb) {

            String stop() {
                sampler.shutdownNow();
                return "peak memory app %d MB (RSS), db %d MB (PSS), together %d MB".formatted(appKb[0] / 1024,
                        dbKb[0] / 1024, (appKb[0] + dbKb[0]) / 1024);
            }
        }

        static Peak watch(long appPid, Path postmasterPid) {
            long[] app = {0};
            long[] db = {0};
            var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                app[0] = Math.max(app[0], kilobytes(appPid, "status", "VmRSS:"));
                db[0] = Math.max(db[0], postgresKilobytes(postmasterPid));
            }, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            return new Peak(sampler, app, db);
        }

        private static long postgresKilobytes(Path postmasterPid) {
            try {
                long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).strip());
                return ProcessHandle.of(pid).map(p -> kilobytes(p.pid(), "smaps_rollup", "Pss:")
                        + p.descendants().mapToLong(c -> kilobytes(c.pid(), "smaps_rollup", "Pss:")).sum()).orElse(0L);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** A "Name:   1234 kB" line of /proc/pid/status or smaps_rollup; 0 for a process that just ended. */
        private static long kilobytes(long pid, String file, String name) {
            try {
                return Files.readAllLines(Path.of("/proc", Long.toString(pid), file)).stream()
                        .filter(line -> line.startsWith(name)).findFirst()
                        .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    /** The embedded PostgreSQL, read directly: what was stored, and how much work the database did. */
    static final class Database implements AutoCloseable {

        private static final String URL = "jdbc:postgresql://localhost:" + PackagedApp.EMBEDDED_PG_PORT + "/postgres";

        private final Connection connection;

        private Database(Connection connection) {
            this.connection = connection;
        }

        static Database connect() throws SQLException {
            return new Database(DriverManager.getConnection(URL, "postgres", "postgres"));
        }

        /** For other benchmarks' own queries (VoiceCallBenchmark's ticket check). */
        Connection connection() {
            return connection;
        }

        record Activity(long commits, long rowsWritten, long indexScans, long seqScans) {
            Activity minus(Activity earlier) {
                return new Activity(commits - earlier.commits, rowsWritten - earlier.rowsWritten,
                        indexScans - earlier.indexScans, seqScans - earlier.seqScans);
            }
        }

        Activity activity() {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("""
                            select d.xact_commit, d.tup_inserted + d.tup_updated + d.tup_deleted,
                                   (select coalesce(sum(idx_scan), 0) from pg_stat_user_tables),
                                   (select coalesce(sum(seq_scan), 0) from pg_stat_user_tables)
                            from pg_stat_database d where d.datname = current_database()""")) {
                r.next();
                return new Activity(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Waits until every message received since {@code from} is answered (or {@code max} passes) and says how they
         * were answered: in the webhook's TwiML, or afterwards as an SMS from the outbox (a busy webhook only stores).
         */
        /** Waits until every message received since {@code from} is answered; times the catch-up from {@code runEnd}. */
        String waitUntilAnswered(Instant from, Instant runEnd, Duration max) throws SQLException {
            long start = System.nanoTime();
            long deadline = start + max.toNanos();
            while (true) {
                try (PreparedStatement s = connection.prepareStatement("""
                        select count(*) filter (where processed_at is null), count(*) filter (where reply_channel = 'TWIML'),
                               count(*) filter (where reply_channel = 'OUTBOX'), count(*),
                               count(*) filter (where reply_channel = 'OUTBOX' and processed_at < ?)
                        from inbound_message where received_at >= ?""")) {
                    s.setTimestamp(1, Timestamp.from(runEnd));
                    s.setTimestamp(2, Timestamp.from(from));
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        long unanswered = r.getLong(1);
                        if (unanswered == 0 || System.nanoTime() > deadline) {
                            return ("%d messages: %d answered in the webhook (TwiML), %d answered afterwards by SMS"
                                    + " (%d of them during the run), %d with nothing to say; %d still unanswered;"
                                    + " caught up %.1f s after the run")
                                    .formatted(r.getLong(4), r.getLong(2), r.getLong(3), r.getLong(5),
                                            r.getLong(4) - r.getLong(2) - r.getLong(3) - unanswered, unanswered,
                                            Duration.between(runEnd, Instant.now()).toMillis() / 1e3);
                        }
                    }
                }
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }

        /** MessageSid → answered (processed_at set), for every message received since {@code from}. */
        Map<String, Boolean> answeredSince(Instant from) throws SQLException {
            Map<String, Boolean> answered = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "select message_sid, processed_at is not null from inbound_message where received_at >= ?")) {
                s.setTimestamp(1, Timestamp.from(from));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        answered.put(r.getString(1), r.getBoolean(2));
                    }
                }
            }
            return answered;
        }

        String summary() throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("""
                            select (select count(*) from inbound_message), (select count(*) from ticket),
                                   (select count(*) from outbound_message), (select count(*) from reporter),
                                   (select count(*) from conversation), (select count(*) from benchmark_ping),
                                   (select count(*) from ticket_reference where length(reference) > 4)""")) {
                r.next();
                return ("%d inbound messages, %d tickets (%d with 5-6 digit references), %d outbox rows,"
                        + " %d reporters, %d open conversations, %d baseline pings").formatted(r.getLong(1),
                        r.getLong(2), r.getLong(7), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** Webhooks Twilio was told were received (200) that the database does not have, or has but never answered. */
    record Loss(int acknowledged, long lost, long unanswered) {
        static Loss check(Set<String> okSids, Map<String, Boolean> stored) {
            long lost = okSids.stream().filter(sid -> !stored.containsKey(sid)).count();
            long unanswered = okSids.stream().filter(sid -> Boolean.FALSE.equals(stored.get(sid))).count();
            return new Loss(okSids.size(), lost, unanswered);
        }
    }

    static final class Report {

        private Report() {
        }

        static void print(List<Result> results, double ratio, Loss loss) {
            System.out.printf("%n%-18s %-9s %8s %8s %7s %8s %8s %8s %8s %8s%n", "run", "endpoint", "requests", "ok",
                    "failed", "ok/s", "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (Result r : results) {
                System.out.printf("%-18s %-9s %8d %8d %7d %8.1f %8.1f %8.1f %8.1f %8.1f%n", r.run(), r.endpoint(),
                        r.sent() + r.unsent(), r.ok(), r.failed(), r.throughput(), r.percentile(50),
                        r.percentile(95), r.percentile(99), r.percentile(100));
            }
            System.out.printf("webhook/baseline throughput (closed model): %.2f%n", ratio);

            System.out.printf("%nper request:       %-9s %9s %9s %13s %9s %8s %8s %8s %8s   %s%n", "endpoint",
                    "cpu gen", "cpu app", "(of it jit)", "cpu db", "commits", "rows wr", "idx scan", "seq scan",
                    "other processes");
            for (Result r : results) {
                Usage u = r.usage();
                System.out.printf("%-18s %-9s %6.2f ms %6.2f ms  (%6.2f ms) %6.2f ms %8.2f %8.2f %8.2f %8.2f"
                        + "   %.0f%% of the machine%n", r.run(), r.endpoint(), u.generatorMs(), u.appMs(), u.appJitMs(),
                        u.dbMs(), u.commits(), u.rowsWritten(), u.indexScans(), u.seqScans(), 100 * u.otherShare());
            }
            for (Result r : results) {
                if (r.failed() > 0) {
                    List<String> kinds = new ArrayList<>();
                    r.failures().forEach((kind, n) -> kinds.add(kind + ": " + n));
                    if (r.unsent() > 0) {
                        kinds.add("not sent within 15 s of the end: " + r.unsent());
                    }
                    System.out.printf("failures in %s %s: %s%n", r.run(), r.endpoint(), String.join(", ", kinds));
                }
            }
            System.out.printf("%nlost: %d (of %d webhooks answered 200 in the sustained run;"
                    + " %d stored but unanswered)%n",
                    loss.lost(), loss.acknowledged(), loss.unanswered());
        }

        static void goals(Settings settings, Result open, Result closedWebhook, Result closedBaseline,
                Result sustained, Loss loss) {
            double p99 = open.percentile(99);
            double ratio = closedWebhook.throughput() / closedBaseline.throughput();
            boolean kept = sustained.failed() == 0 && loss.lost() == 0
                    && sustained.throughput() >= 0.99 * settings.sustainedRate();
            System.out.printf("goal p99 < 20 ms at %s webhooks/s: %s (%.1f ms)%n", fmt(settings.rate()),
                    p99 < 20 && open.failed() == 0 ? "MET" : "MISSED", p99);
            System.out.printf("goal webhook throughput >= 1/2 baseline: %s (%.2f)%n", ratio >= 0.5 ? "MET" : "MISSED",
                    ratio);
            System.out.printf("goal %s webhooks/s sustained, nothing lost: %s (%.0f/s, p99 %.0f ms, %d failed,"
                    + " %d lost)%n",
                    fmt(settings.sustainedRate()), kept ? "MET" : "MISSED", sustained.throughput(),
                    sustained.percentile(99), sustained.failed(), loss.lost());
        }

        /** The app's ERROR lines, grouped, so a failed run says why without opening target/it/…/app.log. */
        static void appErrors(List<String> log) {
            appErrors(log, WORK_DIR);
        }

        static void appErrors(List<String> log, String workDir) {
            Map<String, Integer> errors = new TreeMap<>();
            log.stream().filter(line -> line.contains(" ERROR "))
                    .map(line -> line.substring(line.indexOf(" ERROR ") + 7))
                    .map(line -> line.replaceAll("[0-9]+", "N"))
                    .map(line -> line.length() > 150 ? line.substring(0, 150) : line)
                    .forEach(line -> errors.merge(line, 1, Integer::sum));
            if (!errors.isEmpty()) {
                System.out.println("app ERROR log lines (digits as N), see target/it/" + workDir + "/app.log:");
                errors.forEach((line, n) -> System.out.printf("  %6d x %s%n", n, line));
            }
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
