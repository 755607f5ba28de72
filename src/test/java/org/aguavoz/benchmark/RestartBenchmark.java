package org.aguavoz.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aguavoz.PackagedApp;
import org.junit.jupiter.api.Test;

/**
 * How long the packaged app is away when it starts again: from {@code java -jar} to {@code /q/health/ready} UP, on
 * the data directory of an earlier start (a restart after an upgrade, a crash or a reboot; SMS that arrive meanwhile
 * wait at Twilio). The first start, which creates the database and runs every migration, is not counted. The app runs
 * with the systemd unit's JAVA_OPTS and an operator's settings, and is stopped with SIGTERM after each start, as
 * systemd stops it.
 *
 * <p>Not a {@code *Test} or {@code *IT}: only {@code ./mvnw -B verify -Pbenchmark -Dit.test=RestartBenchmark} runs it.
 * Settings: {@code -Dbench.restarts=7 -Dbench.cds=true -Dbench.app.options="…"} ({@code bench.cds=false}: without
 * the unit's class-data archive; the app options are JVM or Quarkus options, e.g. {@code -XX:StartFlightRecording=…}). Other programs on the machine slow a start down: each line says how much CPU
 * the rest of the machine used meanwhile (PostgreSQL's few hundred milliseconds included).
 */
class RestartBenchmark {

    private static final String WORK_DIR = "RestartBenchmark";
    /** Readiness is asked this often, so the figure is at most this much late. */
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void restartToReady() {
        int restarts = Integer.getInteger("bench.restarts", 7);
        String options = System.getProperty("bench.app.options", "").strip();
        List<String> jvm = new ArrayList<>(SmsWebhookBenchmark.Settings.deployedJvmOptions());
        jvm.addAll(options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
        Path workDir = PackagedApp.freshDirectory(WORK_DIR);
        System.out.printf("%nRestart benchmark: %d cores, app options %s%n", Runtime.getRuntime().availableProcessors(),
                String.join(" ", jvm));

        try (PackagedApp first = PackagedApp.startEmbedded(workDir, jvm, env())) {
            System.out.printf("first start (creates the database, not counted): ready in %d ms%n",
                    first.awaitReady(TIMEOUT).toMillis());
        }
        if (Boolean.parseBoolean(System.getProperty("bench.cds", "true"))) {
            jvm.add("-XX:SharedArchiveFile=" + classArchive(workDir, jvm));
        }
        long[] readyMillis = new long[restarts];
        for (int i = 0; i < restarts; i++) {
            long machineBefore = machineBusyMillis();
            try (PackagedApp app = PackagedApp.startEmbedded(workDir, jvm, env())) {
                Optional<Duration> ready = app.awaitReadyOrExit(TIMEOUT, POLL);
                if (ready.isEmpty()) {
                    throw new IllegalStateException("restart " + (i + 1) + " exited with " + app.exitCode() + ":\n"
                            + app.output());
                }
                long appCpu = app.processHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
                long others = machineBusyMillis() - machineBefore - appCpu;
                readyMillis[i] = ready.get().toMillis();
                System.out.printf("restart %d: ready in %d ms; app CPU %d ms; rest of the machine %d ms CPU%n", i + 1,
                        readyMillis[i], appCpu, others);
            }
        }
        long[] sorted = readyMillis.clone();
        Arrays.sort(sorted);
        System.out.printf("restart to ready, %d restarts: median %d ms, max %d ms%n%n", restarts,
                sorted[(restarts - 1) / 2], sorted[restarts - 1]);
    }

    /**
     * The class-data archive, made as deploy/aguavoz.service's ExecStartPre makes it: a start of its own that stops
     * once started ({@code -Dquarkus.appcds.generate}), the JVM writing the archive as it exits.
     */
    private static Path classArchive(Path workDir, List<String> jvm) {
        Path archive = workDir.resolve("aguavoz.jsa");
        List<String> making = new ArrayList<>(jvm);
        making.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
                "-Dquarkus.appcds.generate=true"));
        long started = System.nanoTime();
        try (PackagedApp app = PackagedApp.startEmbedded(workDir, making, env())) {
            int exit = app.awaitExit(TIMEOUT);
            if (exit != 0 || !Files.isRegularFile(archive)) {
                throw new IllegalStateException("the archive start exited with " + exit + ":\n" + app.output());
            }
        }
        System.out.printf("class-data archive made by a start of its own in %d ms (not counted)%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return archive;
    }

    /** What an operator's environment file sets; nothing leaves the machine. */
    private static Map<String, String> env() {
        return PackagedApp.operatorEnv("benchmark-admin-2026");
    }

    /** CPU time the whole machine has spent busy since boot (Linux), in milliseconds; 0 where unknown. */
    private static long machineBusyMillis() {
        try {
            // cpu  user nice system idle iowait irq softirq steal …, in clock ticks (USER_HZ, 100 on Linux)
            String[] ticks = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(ticks[field]);
            }
            return busy * 10;
        } catch (IOException | RuntimeException unknown) {
            return 0;
        }
    }
}
