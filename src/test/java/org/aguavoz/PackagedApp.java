package org.aguavoz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.aguavoz.intake.TwilioWebhook;

/**
 * The packaged jar ({@code java -jar quarkus-run.jar}) running as a separate process, the way an operator starts
 * it: its own working directory, its own environment, a free HTTP port. Integration tests of start-up, settings
 * and databases use it instead of {@code @QuarkusIntegrationTest}, which gives no start its own working directory
 * and environment and cannot restart an app on the same data.
 *
 * <p>The embedded PostgreSQL port is fixed at build time, so only one app built with it can run at a time: tests
 * that start one must run one after the other (failsafe's default) and close it before the next starts.
 */
public final class PackagedApp implements AutoCloseable {

    /** The jar {@code ./mvnw package} builds, with the embedded PostgreSQL unless {@code -Dexternal-db}. */
    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    /** {@code aguavoz.embedded-db.port}'s default (org.aguavoz.database.EmbeddedDatabaseSource). */
    public static final int EMBEDDED_PG_PORT = 54329;

    public static final String ADMIN = "admin";

    /** Inherited settings would make a test pass or fail depending on the shell that ran Maven. */
    private static final List<String> SETTING_PREFIXES = List.of("AGUAVOZ_", "TWILIO_", "QUARKUS_");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final long startedAt;
    private final Path workDir;
    private final Path log;
    private final int httpPort;
    private final int managementPort;
    private final boolean embeddedDb;
    /** After {@link #killHard()} the embedded server is meant to outlive the app: {@link #close()} leaves it be. */
    private volatile boolean killedHard;

    private PackagedApp(Process process, long startedAt, Path workDir, Path log, int httpPort, int managementPort,
            boolean embeddedDb) {
        this.process = process;
        this.startedAt = startedAt;
        this.workDir = workDir;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.embeddedDb = embeddedDb;
    }

    /**
     * Starts {@link #JAR}, which brings its own PostgreSQL.
     *
     * @param jvmOptions options of the app's JVM, given before {@code -jar}: system properties
     *                   ({@code -Dquarkus.profile=demo}) and JVM settings ({@code -Xmx256m})
     */
    public static PackagedApp startEmbedded(Path workDir, List<String> jvmOptions, Map<String, String> env) {
        // The app refuses a port taken by another program too; this names the likely culprit in the test's own words.
        // The one server allowed to hold it is one left running by a hard kill of an app on this same directory.
        if (!portIsFree(EMBEDDED_PG_PORT) && leftoverPostmasterPid(workDir).isEmpty()) {
            fail("Port " + EMBEDDED_PG_PORT + " is taken (another AguaVoz or its embedded PostgreSQL still runs);"
                    + " the packaged app would silently use that database");
        }
        return start(JAR, workDir, jvmOptions, env, true);
    }

    /**
     * Starts a jar built with {@code -Dexternal-db}; the datasource comes from {@code env}, {@code jvmOptions} as in
     * {@link #startEmbedded}.
     */
    public static PackagedApp startExternal(Path jar, Path workDir, List<String> jvmOptions,
            Map<String, String> env) {
        return start(jar, workDir, jvmOptions, env, false);
    }

    private static PackagedApp start(Path jar, Path workDir, List<String> jvmOptions, Map<String, String> env,
            boolean embeddedDb) {
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: integration tests run the packaged app (./mvnw verify packages it first)");
        }
        int port = freePort();
        int managementPort = freePort();
        while (managementPort == port) {
            managementPort = freePort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The embedded server unpacks ~60 MB; failsafe points java.io.tmpdir at target/tmp, keep the app there too.
        command.add("-Djava.io.tmpdir=" + Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        command.add("-Dquarkus.http.port=" + port);
        // Health and metrics are on the management interface; 9000 may be taken by another app on this machine.
        command.add("-Dquarkus.management.port=" + managementPort);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());

        Path log = workDir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(name -> SETTING_PREFIXES.stream().anyMatch(name::startsWith));
        childEnv.putAll(env);
        try {
            long startedAt = System.nanoTime();
            return new PackagedApp(builder.start(), startedAt, workDir, log, port, managementPort, embeddedDb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} on the management port says UP and returns the time since the process was
     * started.
     */
    public Duration awaitReady(Duration timeout) {
        return awaitReadyOrExit(timeout).orElseGet(() ->
                fail("The app exited with " + process.exitValue() + " before it was ready:\n" + outputTail()));
    }

    /**
     * For starts that may stop on purpose: the time until {@code /q/health/ready} said UP, or empty when the app exited
     * before that ({@link #exitCode()} then says how).
     */
    public Optional<Duration> awaitReadyOrExit(Duration timeout) {
        return awaitReadyOrExit(timeout, Duration.ofMillis(200));
    }

    /** As {@link #awaitReadyOrExit(Duration)}, asking every {@code pollEvery} (a benchmark of the start asks often). */
    public Optional<Duration> awaitReadyOrExit(Duration timeout, Duration pollEvery) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = managementRequest("/q/health/ready").timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return Optional.empty();
            }
            try {
                HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
                    return Optional.of(Duration.ofNanos(System.nanoTime() - startedAt));
                }
            } catch (ConnectException notListeningYet) {
                // keep polling
            } catch (IOException e) {
                // a connection reset while the server comes up is not an answer either
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(pollEvery);
        }
        fail("/q/health/ready was not UP within " + timeout + ":\n" + outputTail());
        return Optional.empty();
    }

    /** The exit code of an app that has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits until a line of the app's output contains {@code text} and returns that line. */
    public String awaitLine(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = outputLines().stream().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                fail("The app exited with " + process.exitValue() + " before it wrote \"" + text + "\":\n"
                        + outputTail());
            }
            pause(Duration.ofMillis(100));
        }
        fail("The app wrote no \"" + text + "\" within " + timeout + ":\n" + outputTail());
        return null;
    }

    /** For apps that must refuse to start: waits for the exit and returns its code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("The app still runs after " + timeout + ", it should have refused to start:\n" + outputTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(30));
    }

    /** A request to the management interface: /q/health, /q/metrics, /q/openapi. */
    public HttpRequest.Builder managementRequest(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path))
                .timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + " failed:\n" + outputTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A dashboard login through the login form, as a browser does it (the login page first, for its CSRF token);
     * returns the session cookie's value.
     */
    public String logIn(String username, String password) {
        HttpResponse<String> page = send(request("/login").GET().build());
        String csrf = cookie(page, "aguavoz-csrf").orElseGet(() -> fail("the login page set no CSRF cookie"));
        if (!page.body().contains("name=\"csrf\" value=\"" + csrf + "\"")) {
            fail("the login form does not carry the CSRF cookie's token");
        }
        String form = "csrf=" + urlEncoded(csrf) + "&j_username=" + urlEncoded(username) + "&j_password="
                + urlEncoded(password);
        HttpResponse<String> login = send(request("/j_security_check")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "aguavoz-csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error=1")) {
            fail("the login of " + username + " was refused: " + login.statusCode() + " to " + location);
        }
        return cookie(login, "aguavoz-session").orElseGet(() -> fail("the login set no session cookie"));
    }

    /** The value a response sets for a cookie. */
    public static Optional<String> cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst();
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Everything the app wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> outputLines() {
        return output().lines().toList();
    }

    public String outputTail() {
        List<String> lines = outputLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    public Path workDir() {
        return workDir;
    }

    /**
     * Stops the app as an operator's {@code kill} would (SIGTERM) and waits for the exit, so the embedded PostgreSQL
     * has shut down and freed its port before the next test starts one.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                // The postmaster is not our child (it is reparented), so a killed JVM leaves it running.
                killEmbeddedPostmaster();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (embeddedDb && !killedHard) {
            awaitPortFree(EMBEDDED_PG_PORT, Duration.ofSeconds(20));
        }
    }

    /**
     * Kills the app as the kernel's out-of-memory killer or {@code kill -9} would: no shutdown hook runs, so its
     * embedded PostgreSQL (not a child: reparented by {@code pg_ctl}) keeps running. Returns that server's pid.
     */
    public Optional<Long> killHard() {
        killedHard = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return embeddedPostmasterPid();
    }

    /** The pid in {@code data/postgresql/postmaster.pid} of the working directory, if the server runs. */
    public Optional<Long> embeddedPostmasterPid() {
        return leftoverPostmasterPid(workDir);
    }

    private static Optional<Long> leftoverPostmasterPid(Path workDir) {
        Path pidFile = workDir.resolve("data/postgresql/postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    /** The app's own process, to watch it stop. */
    public ProcessHandle processHandle() {
        return process.toHandle();
    }

    private void killEmbeddedPostmaster() {
        Path pidFile = workDir.resolve("data/postgresql/postmaster.pid");
        if (!embeddedDb || !Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            postmaster.ifPresent(ProcessHandle::destroy);
        } catch (IOException | RuntimeException e) {
            // best effort: awaitPortFree reports a postmaster that survived
        }
    }

    private static void awaitPortFree(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portIsFree(port)) {
            if (System.nanoTime() > deadline) {
                fail("Port " + port + " is still taken " + timeout + " after the app stopped");
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static boolean portIsFree(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return false;
        } catch (IOException nobodyListens) {
            return true;
        }
    }

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768-60999): a port the OS hands out for binding
     * may be taken a moment later by the outgoing connection of another process (a database pool), and the app
     * would then refuse to start with "port in use". Never 8080 or 8081, where a developer's app may run.
     */
    public static int freePort() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            if (port == 8080 || port == 8081) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) { // all interfaces, as Quarkus binds
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** An empty directory under {@code target/it}, emptied first so each run starts without old data. */
    public static Path freshDirectory(String... names) {
        Path dir = Path.of("target", "it").resolve(Path.of("", names)).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What an operator's environment file sets — Twilio's account, token and number, the public URL, an admin
     * password — with Twilio's REST API on a local port nobody listens on, so nothing leaves the machine (the outbox
     * is refused at once and backs off); then {@code more} names and values.
     */
    public static Map<String, String> operatorEnv(String adminPassword, String... more) {
        Map<String, String> env = env(
                "AGUAVOZ_ADMIN_PASSWORD", adminPassword,
                "TWILIO_ACCOUNT_SID", TwilioWebhook.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", TwilioWebhook.AUTH_TOKEN,
                "AGUAVOZ_SMS_FROM", "+529611234567",
                "AGUAVOZ_PUBLIC_URL", TwilioWebhook.PUBLIC_URL,
                "TWILIO_API_URL", "http://127.0.0.1:" + freePort());
        env.putAll(env(more));
        return env;
    }

    /** Environment of a child, in insertion order so a failure message lists it as written. */
    public static Map<String, String> env(String... namesAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
