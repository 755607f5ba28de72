package org.aguavoz.benchmark;

import static org.aguavoz.benchmark.SmsWebhookBenchmark.SETTLE;
import static org.aguavoz.benchmark.SmsWebhookBenchmark.TWILIO_TIMEOUT;
import static org.aguavoz.benchmark.SmsWebhookBenchmark.daemon;
import static org.aguavoz.benchmark.SmsWebhookBenchmark.fmt;
import static org.aguavoz.benchmark.SmsWebhookBenchmark.sleepUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aguavoz.PackagedApp;
import org.aguavoz.benchmark.SmsWebhookBenchmark.Database;
import org.aguavoz.benchmark.SmsWebhookBenchmark.Meter;
import org.aguavoz.benchmark.SmsWebhookBenchmark.Result;
import org.aguavoz.benchmark.SmsWebhookBenchmark.SocketSender;
import org.aguavoz.benchmark.SmsWebhookBenchmark.Usage;
import org.aguavoz.benchmark.SmsWebhookBenchmark.Webhook;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/**
 * How fast the packaged app answers each webhook of a phone call, played whole as Twilio plays it, and whether every
 * call that got as far as its recording left exactly one ticket in the database.
 *
 * <p>A call is a chain of signed webhooks: it rings ({@code POST /twilio/voice}), the caller presses keys ({@code
 * /twilio/voice/step?turn=N}), records ({@code /twilio/voice/recorded?turn=N}) and hangs up ({@code
 * /twilio/voice/status}). Like Twilio, the generator reads each TwiML answer and posts the next webhook to the URL
 * it names, at once (no time to listen to the prompt unless {@code bench.voice.think.ms} says so). Calls arrive in
 * an open model: call i starts at start + i / rate whether or not earlier calls are over.
 *
 * <p>Not a {@code *Test} or {@code *IT}: only {@code ./mvnw -B verify -Pbenchmark -Dit.test=VoiceCallBenchmark}
 * runs it. Settings are system properties, see {@link Settings}. It shares the packaged app, the HTTP client, the
 * CPU meter and the database access of {@link SmsWebhookBenchmark}.
 */
class VoiceCallBenchmark {

    private static final String WORK_DIR = "VoiceCallBenchmark";
    /** Twilio's webhook timeout is 15 s, but a caller hears every millisecond of it as silence. */
    private static final double GOAL_P99_MS = 30;
    /** Callers +52 961 556 0000 to 9999: valid Mexican numbers clear of the demo's people and the SMS benchmark. */
    private static final String PHONE_PREFIX = "+52961556";
    private static final int PHONES = 10_000;

    @Test
    void wholeCalls() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path workDir = PackagedApp.freshDirectory(WORK_DIR);
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, settings.appCommandLine(),
                SmsWebhookBenchmark.appEnv())) {
            app.awaitReady(Duration.ofSeconds(120));
            try (Database db = Database.connect()) {
                Meter meter = new Meter(workDir, db);
                Callers callers = new Callers();
                CallPlayer player = new CallPlayer(app.request("/").build().uri().getPort(), callers, settings);
                System.out.printf("%nVoice call benchmark: %d cores shared by generator, app and PostgreSQL; %s%n",
                        Runtime.getRuntime().availableProcessors(), settings);

                // The JIT, the pools and the caches warm up on the very same calls before anything is measured; the
                // warm-up calls also leave reporters behind, so known callers are asked "¿Llama por …?" from the
                // first measured second on.
                Run warmup = player.open(settings.rate(), settings.warmup());
                System.out.printf("warm-up: %s%n", warmup.calls().summary());
                // What the app and PostgreSQL burn with no calls (JIT, scheduled jobs, the outbox retrying) is in
                // every figure below.
                System.out.println(meter.idle(SETTLE));

                Run[] measured = new Run[1];
                Result counted = meter.measure("voice", () -> {
                    measured[0] = player.open(settings.rate(), settings.length());
                    return measured[0].asResult();
                });
                Run run = measured[0];

                // Warm-up calls count too: every call that was read its ticket reference must have its ticket.
                TicketCheck tickets = TicketCheck.of(db.connection(), List.of(warmup, run));
                Report.print(settings, run, counted.usage(), tickets);
                SmsWebhookBenchmark.Report.appErrors(app.outputLines(), WORK_DIR);
                System.out.println("database after the run: " + db.summary() + "; " + TicketCheck.voiceSummary(db
                        .connection()));
                assertEquals(0, tickets.missing(), "calls read a ticket reference but without a REPORTED ticket");
                assertEquals(0, tickets.wrongReference(), "calls whose ticket is not the one they were read");
                assertEquals(0, tickets.orphans(), "voice tickets no call points to (a second ticket for a call)");
            }
        }
    }

    /**
     * {@code -Dbench.voice.rate=20 -Dbench.voice.seconds=30 -Dbench.voice.warmup=20 -Dbench.voice.callers=64
     * -Dbench.voice.think.ms=0 -Dbench.app.options="-Dquarkus.datasource.jdbc.max-size=40"}
     *
     * @param rate          calls started per second (each call is 6 to 8 webhooks, see {@link Step})
     * @param callers       the most calls in flight; a call that waits for a free line still counts its first
     *                      webhook's latency from its scheduled time
     * @param thinkMillis   pause before each webhook after the first, for a caller who listens to the prompts
     *                      (Twilio's own gap is a few milliseconds; 0 plays the calls as fast as the app answers)
     * @param appOptions    extra JVM options of the app, as in {@link SmsWebhookBenchmark}
     */
    record Settings(double rate, int seconds, int warmupSeconds, int callers, int thinkMillis,
            List<String> appOptions) {

        static Settings fromSystemProperties() {
            String options = System.getProperty("bench.app.options", "").strip();
            Settings s = new Settings(Double.parseDouble(System.getProperty("bench.voice.rate", "20")),
                    Integer.getInteger("bench.voice.seconds", 30), Integer.getInteger("bench.voice.warmup", 20),
                    Integer.getInteger("bench.voice.callers", 64), Integer.getInteger("bench.voice.think.ms", 0),
                    options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
            if (s.rate <= 0 || s.seconds < 1 || s.warmupSeconds < 0 || s.callers < 1 || s.thinkMillis < 0) {
                throw new IllegalArgumentException("bad benchmark settings: " + s);
            }
            return s;
        }

        /** The packaged app's command line: the demo data (communities 101-107), plus any options under test. */
        List<String> appCommandLine() {
            List<String> line = new ArrayList<>(List.of("-Dquarkus.profile=demo"));
            line.addAll(appOptions);
            return line;
        }

        Duration length() {
            return Duration.ofSeconds(seconds);
        }

        Duration warmup() {
            return Duration.ofSeconds(warmupSeconds);
        }

        @Override
        public String toString() {
            return "voice.rate=%s calls/s voice.seconds=%d voice.warmup=%ds voice.callers=%d voice.think.ms=%d"
                    .formatted(fmt(rate), seconds, warmupSeconds, callers, thinkMillis)
                    + " app.options=" + String.join(" ", appOptions);
        }
    }

    /** The webhooks of a call, in the order a caller meets them; each gets its own line in the report. */
    enum Step {
        INCOMING("incoming"),
        LANGUAGE("language"),
        STATUS_LOOKUP("status lookup (9)"),
        COMMUNITY_CODE("community code"),
        CONFIRM("confirm (read-back)"),
        CONFIRM_KNOWN("confirm (¿Llama por?)"),
        CATEGORY("category"),
        ANONYMITY("anonymity"),
        RECORDED("recorded"),
        STATUS_CALLBACK("status callback");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** What a call will do: who calls, and the keys they will press if the app asks what it should. */
    enum Kind {
        /** A phone that never called: language, code #, confirm, category, record. */
        NEW,
        /** A phone that reported before: the app asks "¿Llama por …?" and the caller confirms. */
        AGAIN,
        /** Presses 9 for the status of the caller's last report (found, or "no reports from this phone"). */
        STATUS
    }

    record Plan(Kind kind, String phone, String languageDigit, String code, String categoryDigit,
            String anonymityDigit) {
    }

    /**
     * Who calls. Most calls come from a phone that never called; one in five from a phone whose report was
     * taken earlier in the run, one in twenty to ask for the status of a report (half of them by such a phone,
     * half by a stranger). The keys are spread over the 7 demo communities, the 6 categories and both languages.
     */
    static final class Callers {
        private final AtomicInteger nextPhone = new AtomicInteger();
        private final List<String> reported = new ArrayList<>();

        Plan plan() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int dice = random.nextInt(100);
            String known = knownPhone(random);
            Kind kind = dice < 5 ? Kind.STATUS : dice < 25 && known != null ? Kind.AGAIN : Kind.NEW;
            String phone = switch (kind) {
                case AGAIN -> known;
                case STATUS -> known != null && random.nextBoolean() ? known : freshPhone();
                case NEW -> freshPhone();
            };
            return new Plan(kind, phone, random.nextInt(100) < 85 ? "1" : "2",
                    Integer.toString(101 + random.nextInt(7)), Integer.toString(1 + random.nextInt(6)),
                    random.nextBoolean() ? "1" : "2");
        }

        /** After the app read this caller their ticket reference, their next call is a known caller's. */
        synchronized void reportedBy(String phone) {
            reported.add(phone);
        }

        private synchronized String knownPhone(ThreadLocalRandom random) {
            return reported.isEmpty() ? null : reported.get(random.nextInt(reported.size()));
        }

        /** Wraps after 10,000 calls; a phone that comes round again is then simply a known caller. */
        private String freshPhone() {
            return PHONE_PREFIX + String.format(Locale.ROOT, "%04d", nextPhone.getAndIncrement() % PHONES);
        }
    }

    /**
     * Plays calls against the app, each on one keep-alive connection of {@link SocketSender}, the way Twilio would:
     * the recorded webhook bodies of src/test/resources/twilio/voice/ with this call's CallSid and caller, signed
     * for the public URL, each posted to the URL the previous TwiML answer named.
     */
    static final class CallPlayer {

        private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
        /** "Su número de reporte es 4, 8, 2, 1." / "Your report number is 4, 8, 2, 1." */
        private static final Pattern REFERENCE = Pattern.compile("(?:es|is) ((?:[0-9], ){3,5}[0-9])\\.");

        private final int port;
        private final Callers callers;
        private final Settings settings;
        private final Map<String, String> incoming = TwilioWebhook.fixture("voice/incoming-call.form");
        private final Map<String, String> gather = TwilioWebhook.fixture("voice/gather-digits.form");
        private final Map<String, String> record = TwilioWebhook.fixture("voice/record-action.form");
        private final Map<String, String> ended = TwilioWebhook.fixture("voice/status-completed.form");

        CallPlayer(int port, Callers callers, Settings settings) {
            this.port = port;
            this.callers = callers;
            this.settings = settings;
        }

        /**
         * Open model: call i is due at start + i / rate; its first webhook's latency runs from that due time, so a
         * call that waited for a free line shows as latency, not as fewer calls. Within a call each webhook leaves
         * when the previous answer has arrived (plus the think time) and its latency runs from then. Calls not
         * started 15 s after the end are counted as not started.
         */
        Run open(double rate, Duration length) {
            long period = Math.round(1e9 / rate);
            long slots = Math.round(rate * length.toSeconds());
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime() + Duration.ofMillis(50).toNanos(); // every line is waiting by then
            long giveUp = start + length.toNanos() + TWILIO_TIMEOUT.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(settings.callers(), daemon("caller"));
            try {
                List<Future<Tally>> futures = new ArrayList<>();
                for (int t = 0; t < settings.callers(); t++) {
                    Callable<Tally> line = () -> {
                        Tally tally = new Tally();
                        SocketSender sender = new SocketSender(port);
                        try {
                            for (long i = next.getAndIncrement(); i < slots; i = next.getAndIncrement()) {
                                Plan plan = callers.plan();
                                long due = start + i * period;
                                sleepUntil(due);
                                if (System.nanoTime() > giveUp) {
                                    return tally;
                                }
                                new Call(sender, plan, tally).play(due);
                            }
                        } finally {
                            sender.close();
                        }
                        return tally;
                    };
                    futures.add(pool.submit(line));
                }
                List<Tally> tallies = new ArrayList<>();
                for (Future<Tally> future : futures) {
                    tallies.add(future.get());
                }
                return Run.of(tallies, slots, System.nanoTime() - start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        /** One phone call, from ring to the status callback. */
        private final class Call {
            private final String callSid = TwilioWebhook.freshSid("CA");
            private final SocketSender sender;
            private final Plan plan;
            private final Tally tally;
            private final ByteArrayOutputStream answer = new ByteArrayOutputStream(2048);
            /** Where Twilio posts next: the action of the last answer's {@code <Gather>} or {@code <Record>}. */
            private String nextPath;

            Call(SocketSender sender, Plan plan, Tally tally) {
                this.sender = sender;
                this.plan = plan;
                this.tally = tally;
            }

            void play(long due) throws InterruptedException {
                tally.started(System.nanoTime() - due);
                boolean completed = converse(due);
                // Whatever happened, Twilio tells the app the call is over (after an error it hangs up itself).
                String status = send(Step.STATUS_CALLBACK, "/twilio/voice/status", ended, Map.of(), null);
                completed &= status != null;
                tally.callEnded(callSid, completed, System.nanoTime() - due);
            }

            /** The call up to its last TwiML; false if an answer was an error or not what a caller expects. */
            private boolean converse(long due) throws InterruptedException {
                String twiml = send(Step.INCOMING, "/twilio/voice", incoming, Map.of("CallStatus", "ringing"), due);
                if (!expect(Step.INCOMING, twiml, "<Gather")) {
                    return false;
                }
                if (plan.kind() == Kind.STATUS) {
                    twiml = press(Step.STATUS_LOOKUP, "9");
                    if (!expect(Step.STATUS_LOOKUP, twiml, "<Hangup")) {
                        return false;
                    }
                    tally.statusLookup(twiml.contains("Su reporte "));
                    return true;
                }
                twiml = press(Step.LANGUAGE, plan.languageDigit());
                if (!expect(Step.LANGUAGE, twiml, "<Gather")) {
                    return false;
                }
                // The caller listens: a gather that waits for # asks for the community's number; a one-key gather
                // asks "¿Llama por …?" (this phone reported before, whatever the plan thought).
                Step confirm = Step.CONFIRM_KNOWN;
                if (twiml.contains("finishOnKey=\"#\"")) {
                    twiml = press(Step.COMMUNITY_CODE, plan.code() + "#");
                    if (!expect(Step.COMMUNITY_CODE, twiml, "numDigits=\"1\"")) { // "Comunidad …, oprima 1"
                        return false;
                    }
                    confirm = Step.CONFIRM;
                }
                twiml = press(confirm, "1");
                if (!expect(confirm, twiml, "<Gather")) { // the category menu
                    return false;
                }
                twiml = press(Step.CATEGORY, plan.categoryDigit());
                Step beforeRecording = Step.CATEGORY;
                if (plan.categoryDigit().equals("5")) { // integrity: the municipal agency, anonymous or not
                    if (!expect(Step.CATEGORY, twiml, "<Gather")) {
                        return false;
                    }
                    twiml = press(Step.ANONYMITY, plan.anonymityDigit());
                    beforeRecording = Step.ANONYMITY;
                }
                if (!expect(beforeRecording, twiml, "<Record")) {
                    return false;
                }
                String recordingSid = TwilioWebhook.freshSid("RE");
                twiml = send(Step.RECORDED, nextPath, record, Map.of(
                        "RecordingSid", recordingSid,
                        "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID
                                + "/Recordings/" + recordingSid,
                        "RecordingDuration", Integer.toString(3 + ThreadLocalRandom.current().nextInt(58)),
                        "Digits", "#",
                        "CallStatus", "in-progress"), null);
                if (!expect(Step.RECORDED, twiml, "<Hangup")) {
                    return false;
                }
                // "Gracias. Su número de reporte es 4, 8, 2, 1." The database check looks for that very ticket.
                Matcher reference = REFERENCE.matcher(twiml);
                if (!reference.find()) {
                    tally.unexpected(Step.RECORDED, twiml);
                    return false;
                }
                tally.reported(callSid, reference.group(1).replace(", ", ""));
                callers.reportedBy(plan.phone());
                return true;
            }

            /** Keys pressed at the gather of the last answer. */
            private String press(Step step, String digits) throws InterruptedException {
                return send(step, nextPath, gather, Map.of("Digits", digits,
                        "FinishedOnKey", digits.endsWith("#") ? "#" : ""), null);
            }

            /**
             * Posts one signed webhook and returns its body, or null after an error (counted). Its latency runs
             * from {@code due} (System.nanoTime) if given, the ring's scheduled time, else from the moment it
             * leaves, after the think time.
             */
            private String send(Step step, String path, Map<String, String> fixture, Map<String, String> overrides,
                    Long due) throws InterruptedException {
                Map<String, String> params = new LinkedHashMap<>(fixture);
                params.putAll(overrides);
                params.put("CallSid", callSid);
                params.put("From", plan.phone());
                params.put("Caller", plan.phone());
                String signature = TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + path, params,
                        TwilioWebhook.AUTH_TOKEN);
                Webhook webhook = new Webhook(path, callSid, signature, TwilioWebhook.encode(params));
                if (due == null && settings.thinkMillis() > 0) {
                    sleepUntil(System.nanoTime() + settings.thinkMillis() * 1_000_000L);
                }
                long from = due == null ? System.nanoTime() : due;
                answer.reset();
                try {
                    int status = sender.post(webhook, answer);
                    long micros = (System.nanoTime() - from) / 1_000;
                    if (status != 200 && status != 204) {
                        tally.failed(step, "HTTP " + status);
                        return null;
                    }
                    tally.answered(step, micros);
                } catch (IOException e) {
                    tally.failed(step, e.getClass().getSimpleName());
                    return null;
                }
                String twiml = answer.toString(StandardCharsets.UTF_8);
                Matcher action = ACTION.matcher(twiml);
                nextPath = action.find()
                        ? action.group(1).replace("&amp;", "&").substring(TwilioWebhook.PUBLIC_URL.length())
                        : null;
                return twiml;
            }

            /** Whether the answer is what this step's caller needs to go on; a surprise is counted as an error. */
            private boolean expect(Step step, String twiml, String needed) {
                if (twiml == null) {
                    return false; // already counted
                }
                if (!twiml.contains(needed) || (!needed.equals("<Hangup") && nextPath == null)) {
                    tally.unexpected(step, twiml);
                    return false;
                }
                return true;
            }
        }
    }

    /** One line's counts; merged after the run, so lines never contend on shared counters. */
    static final class Tally {
        final Map<Step, long[]> micros = new EnumMap<>(Step.class);
        final Map<Step, Integer> counts = new EnumMap<>(Step.class);
        /** Per step: answers other than 200/204 and I/O errors (timeouts included). */
        final Map<Step, Integer> errors = new EnumMap<>(Step.class);
        /** Per step: answered 200, but with TwiML a caller could not follow (already counted in {@link #micros}). */
        final Map<Step, Integer> surprises = new EnumMap<>(Step.class);
        final Map<String, Integer> failures = new TreeMap<>();
        /** The first TwiML of each kind of surprise, to show what the app said. */
        final Map<String, String> examples = new HashMap<>();
        final Map<String, String> references = new HashMap<>();
        final List<String> callSids = new ArrayList<>();
        long[] callMicros = new long[256];
        int started;
        int completed;
        int statusFound;
        int statusNone;
        long maxStartLag;

        void started(long lagNanos) {
            started++;
            maxStartLag = Math.max(maxStartLag, lagNanos);
        }

        void answered(Step step, long latencyMicros) {
            int n = counts.getOrDefault(step, 0);
            long[] values = micros.computeIfAbsent(step, s -> new long[256]);
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
                micros.put(step, values);
            }
            values[n] = latencyMicros;
            counts.put(step, n + 1);
        }

        void failed(Step step, String kind) {
            errors.merge(step, 1, Integer::sum);
            failures.merge(kind + " at " + step.label, 1, Integer::sum);
        }

        void unexpected(Step step, String twiml) {
            surprises.merge(step, 1, Integer::sum);
            String kind = "unexpected TwiML at " + step.label;
            failures.merge(kind, 1, Integer::sum);
            examples.putIfAbsent(kind, twiml);
        }

        void statusLookup(boolean found) {
            if (found) {
                statusFound++;
            } else {
                statusNone++;
            }
        }

        void reported(String callSid, String reference) {
            references.put(callSid, reference);
        }

        void callEnded(String callSid, boolean ok, long nanos) {
            callSids.add(callSid);
            if (ok) {
                if (completed == callMicros.length) {
                    callMicros = Arrays.copyOf(callMicros, completed * 2);
                }
                callMicros[completed++] = nanos / 1_000;
            }
        }
    }

    /**
     * The latencies of one step's answered webhooks (200 or 204), in microseconds, sorted; its errors (other
     * answers, I/O errors); and its answers a caller could not follow (among the answered).
     */
    record StepResult(Step step, long[] micros, int errors, int surprises) {

        int sent() {
            return micros.length + errors;
        }

        /** Nearest-rank percentile, in milliseconds. */
        double percentile(double p) {
            return Run.percentile(micros, p);
        }
    }

    /** Whole calls: how many were due, started, went through, were reported, and how long they took. */
    record Calls(long due, int started, int completed, int reported, int again, int statusFound, int statusNone,
            long[] micros, long maxStartLagNanos) {

        String summary() {
            return ("%d calls due, %d started, %d went through (%d reports, %d by known callers, %d status lookups),"
                    + " %d failed").formatted(due, started, completed, reported, again, statusFound + statusNone,
                    started - completed);
        }
    }

    /** One open-model run: per step, per call, and what went wrong. */
    record Run(Map<Step, StepResult> steps, Calls calls, Map<String, Integer> failures, Map<String, String> examples,
            Map<String, String> references, List<String> callSids, long elapsedNanos) {

        static Run of(List<Tally> tallies, long due, long elapsedNanos) {
            Map<Step, StepResult> steps = new EnumMap<>(Step.class);
            for (Step step : Step.values()) {
                long[] micros = tallies.stream()
                        .flatMapToLong(t -> Arrays.stream(t.micros.getOrDefault(step, new long[0]), 0,
                                t.counts.getOrDefault(step, 0)))
                        .sorted().toArray();
                int errors = tallies.stream().mapToInt(t -> t.errors.getOrDefault(step, 0)).sum();
                int surprises = tallies.stream().mapToInt(t -> t.surprises.getOrDefault(step, 0)).sum();
                steps.put(step, new StepResult(step, micros, errors, surprises));
            }
            Map<String, Integer> failures = new TreeMap<>();
            Map<String, String> examples = new TreeMap<>();
            Map<String, String> references = new HashMap<>();
            List<String> sids = new ArrayList<>();
            for (Tally t : tallies) {
                t.failures.forEach((kind, n) -> failures.merge(kind, n, Integer::sum));
                t.examples.forEach(examples::putIfAbsent);
                references.putAll(t.references);
                sids.addAll(t.callSids);
            }
            long[] callMicros = tallies.stream().flatMapToLong(t -> Arrays.stream(t.callMicros, 0, t.completed))
                    .sorted().toArray();
            Calls calls = new Calls(due, tallies.stream().mapToInt(t -> t.started).sum(), callMicros.length,
                    references.size(), steps.get(Step.CONFIRM_KNOWN).micros().length,
                    tallies.stream().mapToInt(t -> t.statusFound).sum(),
                    tallies.stream().mapToInt(t -> t.statusNone).sum(), callMicros,
                    tallies.stream().mapToLong(t -> t.maxStartLag).max().orElse(0));
            return new Run(steps, calls, failures, examples, references, sids, elapsedNanos);
        }

        int webhooks() {
            return steps.values().stream().mapToInt(StepResult::sent).sum();
        }

        int errors() {
            return steps.values().stream().mapToInt(StepResult::errors).sum();
        }

        int surprises() {
            return steps.values().stream().mapToInt(StepResult::surprises).sum();
        }

        /** For {@link Meter}, which divides the CPU and database work of a run by its requests: the webhooks. */
        Result asResult() {
            return new Result("", "voice", webhooks(), new long[0], Map.of(), 0, elapsedNanos, Set.of(), null);
        }

        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100 * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1000.0;
        }
    }

    /**
     * The database's side of every call the app read a ticket reference to (warm-up included): its voice_call row
     * must be REPORTED with a ticket, and that ticket the one read; no other voice ticket of the benchmark's
     * phones may exist.
     */
    record TicketCheck(int readReference, int reported, int missing, int wrongReference, int withoutRecording,
            int reportedWithoutReference, int notEnded, int orphans) {

        static TicketCheck of(Connection connection, List<Run> runs) throws SQLException {
            Map<String, String> read = new HashMap<>();
            List<String> all = new ArrayList<>();
            for (Run run : runs) {
                read.putAll(run.references());
                all.addAll(run.callSids());
            }
            Map<String, String> stored = new HashMap<>();
            int withoutRecording = 0;
            int reportedWithoutReference = 0;
            int notEnded = 0;
            Array sids = connection.createArrayOf("text", all.toArray());
            try (PreparedStatement s = connection.prepareStatement("""
                    select v.call_sid, v.status, t.reference, t.recording_sid, v.ended_at is not null
                    from voice_call v left join ticket t on t.id = v.ticket_id
                    where v.call_sid = any (?)""")) {
                s.setArray(1, sids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String sid = r.getString(1);
                        boolean reported = r.getString(2).equals("REPORTED") && r.getString(3) != null;
                        if (reported) {
                            stored.put(sid, r.getString(3));
                            withoutRecording += r.getString(4) == null ? 1 : 0;
                            reportedWithoutReference += read.containsKey(sid) ? 0 : 1;
                        }
                        notEnded += r.getBoolean(5) ? 0 : 1;
                    }
                }
            }
            int missing = (int) read.keySet().stream().filter(sid -> !stored.containsKey(sid)).count();
            int wrong = (int) read.entrySet().stream()
                    .filter(e -> stored.containsKey(e.getKey()) && !stored.get(e.getKey()).equals(e.getValue()))
                    .count();
            int orphans;
            try (PreparedStatement s = connection.prepareStatement("""
                    select count(*) from ticket t
                    where t.channel = 'VOICE' and t.reporter_phone like ?
                      and not exists (select 1 from voice_call v where v.ticket_id = t.id)""")) {
                s.setString(1, PHONE_PREFIX + "%");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    orphans = r.getInt(1);
                }
            }
            return new TicketCheck(read.size(), stored.size(), missing, wrong, withoutRecording,
                    reportedWithoutReference, notEnded, orphans);
        }

        static String voiceSummary(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("""
                            select count(*), count(*) filter (where status = 'REPORTED' and ticket_id is not null),
                                   (select count(*) from ticket where channel = 'VOICE')
                            from voice_call""")) {
                r.next();
                return "%d voice calls (%d REPORTED with a ticket), %d voice tickets".formatted(r.getLong(1),
                        r.getLong(2), r.getLong(3));
            }
        }
    }

    static final class Report {

        private static final String ROW = "%-22s %7d %7d %7d %6d %8.1f %8.1f %8.1f %8.1f  %s%n";

        private Report() {
        }

        static void print(Settings settings, Run run, Usage usage, TicketCheck tickets) {
            Calls calls = run.calls();
            System.out.printf("%nmeasured: %d s at %s calls/s, %d webhooks in %.1f s; latency of each webhook from"
                    + " when it was sent (the ring: from its scheduled time)%n", settings.seconds(),
                    fmt(settings.rate()), run.webhooks(), run.elapsedNanos() / 1e9);
            System.out.printf("%-22s %7s %7s %7s %6s %8s %8s %8s %8s  %s%n", "step", "count", "ok", "errors", "wrong",
                    "p50 ms", "p95 ms", "p99 ms", "max ms", "p99 < " + fmt(GOAL_P99_MS) + " ms");
            List<String> missed = new ArrayList<>();
            for (StepResult s : run.steps().values()) {
                if (s.sent() == 0) {
                    continue;
                }
                boolean met = s.errors() == 0 && s.percentile(99) < GOAL_P99_MS;
                if (!met) {
                    missed.add("%s %.1f ms%s".formatted(s.step().label, s.percentile(99),
                            s.errors() > 0 ? " and " + s.errors() + " errors" : ""));
                }
                System.out.printf(ROW, s.step().label, s.sent(), s.micros().length, s.errors(), s.surprises(),
                        s.percentile(50), s.percentile(95), s.percentile(99), s.percentile(100), met ? "yes" : "NO");
            }
            long[] all = run.steps().values().stream().flatMapToLong(s -> Arrays.stream(s.micros())).sorted()
                    .toArray();
            System.out.printf(ROW, "all webhooks", run.webhooks(), all.length, run.errors(), run.surprises(),
                    Run.percentile(all, 50), Run.percentile(all, 95), Run.percentile(all, 99),
                    Run.percentile(all, 100), "");
            System.out.printf(ROW, "whole calls", calls.started(), calls.completed(), calls.started() - calls.completed(),
                    0, Run.percentile(calls.micros(), 50), Run.percentile(calls.micros(), 95),
                    Run.percentile(calls.micros(), 99), Run.percentile(calls.micros(), 100),
                    "(ring to status callback answered)");
            System.out.println("(ok: answered 200/204; errors: other answers and I/O errors; wrong: 200 with TwiML a"
                    + " caller could not follow; a call stops at its first error and hangs up)");

            System.out.printf("%ncalls: %s; %d not started within 15 s of the end; latest start %.1f ms after its"
                    + " time%n", calls.summary(), calls.due() - calls.started(), calls.maxStartLagNanos() / 1e6);
            System.out.printf("status lookups: %d found a report, %d none%n", calls.statusFound(),
                    calls.statusNone());
            System.out.printf("errors: %d, wrong TwiML: %d%n", run.errors(), run.surprises());
            run.failures().forEach((kind, n) -> System.out.printf("  %6d x %s%n", n, kind));
            run.examples().forEach((kind, twiml) -> System.out.printf("  first %s: %s%n", kind,
                    twiml.length() > 400 ? twiml.substring(0, 400) + "…" : twiml));
            System.out.printf("per webhook: cpu gen %.2f ms, app %.2f ms (of it jit %.2f ms), db %.2f ms;"
                    + " %.2f commits, %.2f rows written; other processes %.0f%% of the machine%n",
                    usage.generatorMs(), usage.appMs(), usage.appJitMs(), usage.dbMs(), usage.commits(),
                    usage.rowsWritten(), 100 * usage.otherShare());

            System.out.printf("%ntickets (warm-up and measured calls): %d calls were read a reference, %d REPORTED"
                    + " with a ticket; missing %d, other reference %d, without recording %d, REPORTED without being"
                    + " read one %d, not marked ended %d, voice tickets no call points to %d%n",
                    tickets.readReference(), tickets.reported(), tickets.missing(), tickets.wrongReference(),
                    tickets.withoutRecording(), tickets.reportedWithoutReference(), tickets.notEnded(),
                    tickets.orphans());
            boolean ticketsOk = tickets.missing() == 0 && tickets.wrongReference() == 0 && tickets.orphans() == 0;
            System.out.printf("one ticket per call that reached the recorded step: %s%n", ticketsOk ? "YES" : "NO");
            System.out.printf("goal: p99 < %s ms per step: %s%n", fmt(GOAL_P99_MS),
                    missed.isEmpty() ? "MET" : "MISSED (" + String.join(", ", missed) + ")");
        }
    }
}
