package org.aguavoz.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aguavoz.PackagedApp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An agency that runs its own PostgreSQL: the app built with {@code -Dexternal-db} against a standalone
 * PostgreSQL 15 server, configured only through the environment as the README tells operators to.
 */
class ExternalPostgresIT {

    /** Debian's postgresql-15 server binaries; CI installs them, so their absence is a failure, not a skip. */
    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");

    private static final String SUPERUSER_PASSWORD = "pg-superuser-2026";
    private static final String APP_ROLE = "aguavoz";
    private static final String APP_PASSWORD = "pg-aguavoz-2026";
    private static final String ADMIN_PASSWORD = "external-admin-2026";
    private static final String AUTH = PackagedApp.basicAuth(PackagedApp.ADMIN, ADMIN_PASSWORD);
    private static final String MEMBER_1 = "+529615551201";
    private static final String MEMBER_2 = "+529615551202";
    private static final String ON_DUTY = "+529615559901";

    /** Maven variables of the outer build would point the nested one at the outer project. */
    private static final Set<String> OUTER_MAVEN_VARIABLES = Set.of("MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR",
            "MAVEN_ARGS", "MAVEN_CONFIG", "MAVEN_CMD_LINE_ARGS");

    private static Path base;
    private static Path jar;
    private static Path pgData;
    private static int pgPort;
    private static boolean pgRunning;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildWithoutEmbeddedPostgresAndStartPostgres15() throws IOException, SQLException {
        assertTrue(Files.isExecutable(PG_BIN.resolve("initdb")) && Files.isExecutable(PG_BIN.resolve("pg_ctl")),
                PG_BIN + " has no initdb/pg_ctl: install Debian's postgresql-15 (CI does) to run this test");
        base = PackagedApp.freshDirectory("ExternalPostgresIT");
        jar = buildWithExternalDb(base.resolve("build"));
        startPostgres(base.resolve("pg"));
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            // Not a superuser: the app must get by with what an agency's DBA hands out, owning its database.
            s.execute("create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'");
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (pgRunning) {
            run(Duration.ofSeconds(60), base.resolve("pg/pg_ctl-stop.out"),
                    asPostgresUser(PG_BIN.resolve("pg_ctl").toString(), "-D", pgData.toString(), "-m", "fast", "-w",
                            "stop"));
            pgRunning = false;
        }
    }

    @Test
    void runsOnTheExternalDatabaseWithoutDemoData() throws Exception {
        String database = createDatabase("agency_plain");
        Path workDir = base.resolve("app-plain");
        Files.createDirectories(workDir);
        try (PackagedApp app = PackagedApp.startExternal(jar, workDir, List.of(), datasource(database))) {
            Duration ready = app.awaitReady(Duration.ofSeconds(60));
            System.out.printf("ExternalPostgresIT: ready in %d ms on PostgreSQL 15 without demo data%n",
                    ready.toMillis());

            try (Connection c = connect(database, APP_ROLE, APP_PASSWORD)) {
                assertTrue(single(c, "show server_version").startsWith("15."), "not the PostgreSQL 15 server");
                assertEquals(Long.toString(migrationFiles()),
                        single(c, "select count(*) from flyway_schema_history where success and version is not null"),
                        "migrations applied by Flyway");
            }
            JsonNode communities = getJson(app, "/api/v1/communities");
            assertTrue(communities.isArray() && communities.isEmpty(), "without opt-in there are " + communities);

            HttpResponse<String> created = app.send(app.request("/api/v1/communities")
                    .header("Authorization", AUTH).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"code\":\"101\",\"name\":\"Los Ángeles\",\"aliases\":[\"los angeles\"]}"))
                    .build());
            assertEquals(201, created.statusCode(), created.body());
            try (Connection c = connect(database, APP_ROLE, APP_PASSWORD)) {
                assertEquals("Los Ángeles / los angeles", single(c, "select c.name || ' / ' || a.alias from community c"
                        + " join community_alias a on a.community_id = c.id where c.code = '101'"));
            }

            List<String> output = app.outputLines();
            String features = output.stream().filter(l -> l.contains("Installed features")).findFirst()
                    .orElseGet(() -> fail("no 'Installed features' line:\n" + String.join("\n", output)));
            assertFalse(features.contains("embedded-postgres"), features);
            for (String line : output) {
                String lower = line.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("embedded postgres") || lower.contains("embedded-postgres"), line);
            }
            assertFalse(Files.exists(workDir.resolve("data")), "an external-db build wrote " + workDir.resolve("data"));
        }
    }

    @Test
    void loadsTheDemoWhenAskedTo() throws Exception {
        String database = createDatabase("agency_demo");
        Path workDir = base.resolve("app-demo");
        Files.createDirectories(workDir);
        Map<String, String> env = datasource(database);
        env.put("AGUAVOZ_DEMO_DATA", "true");
        try (PackagedApp app = PackagedApp.startExternal(jar, workDir, List.of(), env)) {
            Duration ready = app.awaitReady(Duration.ofSeconds(60));
            System.out.printf("ExternalPostgresIT: ready in %d ms on PostgreSQL 15 with AGUAVOZ_DEMO_DATA=true%n",
                    ready.toMillis());

            JsonNode demoFile = json.readTree(Path.of("src/main/resources/demo/berriozabal.json").toFile());
            assertEquals(codes(demoFile.get("communities")), codes(getJson(app, "/api/v1/communities")));
            assertEquals(demoFile.get("tickets").size(), getJson(app, "/api/v1/tickets?limit=500").size());
        }
    }

    /**
     * Two instances on one database run the deadline job every second. Tickets fall due one after another while both
     * run; each reminder and escalation must reach Twilio (WireMock) exactly once, and both instances must have
     * taken part, or the test proves nothing.
     */
    @Test
    void twoInstancesSendEachReminderAndEscalationOnce() throws Exception {
        String database = createDatabase("agency_two");
        WireMockServer twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort().templatingEnabled(true));
        twilio.start();
        List<PackagedApp> apps = new ArrayList<>();
        try {
            twilio.stubFor(WireMock.post(WireMock.urlPathMatching("/2010-04-01/Accounts/.*/Messages.json"))
                    .willReturn(WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                            .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                            .withTransformers("response-template")));
            Map<String, String> env = datasource(database);
            env.putAll(PackagedApp.env(
                    "TWILIO_ACCOUNT_SID", "AC" + "b".repeat(32),
                    "TWILIO_AUTH_TOKEN", "fedcba9876543210fedcba9876543210",
                    "TWILIO_API_URL", "http://localhost:" + twilio.port(),
                    "AGUAVOZ_SMS_FROM", "+529611234567",
                    "AGUAVOZ_QUIET_HOURS", "off",
                    "AGUAVOZ_AGENCY_ON_DUTY_PHONES", ON_DUTY,
                    "AGUAVOZ_DEADLINES_CHECK_EVERY", "1s",
                    "AGUAVOZ_DEADLINES_BATCH_SIZE", "4",
                    "AGUAVOZ_OUTBOX_MAX_PER_SECOND", "0"));
            for (String name : List.of("one", "two")) {
                Path workDir = base.resolve("app-" + name);
                Files.createDirectories(workDir);
                PackagedApp app = PackagedApp.startExternal(jar, workDir, List.of(), env);
                apps.add(app);
                app.awaitReady(Duration.ofSeconds(60));
            }
            PackagedApp one = apps.get(0);
            HttpResponse<String> created = one.send(one.request("/api/v1/communities").header("Authorization", AUTH)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"301\",\"name\":\"Joaquín Miguel Gutiérrez\"}"))
                    .build());
            assertEquals(201, created.statusCode(), created.body());
            for (String member : List.of(MEMBER_1, MEMBER_2)) {
                HttpResponse<String> added = one.send(one.request("/api/v1/communities/301/members")
                        .header("Authorization", AUTH).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Integrante\",\"phone\":\"" + member
                                + "\",\"role\":\"member\"}")).build());
                assertEquals(201, added.statusCode(), added.body());
            }

            // Tickets nobody acknowledged, falling due three per second over the next 20 seconds.
            int tickets = 60;
            try (Connection c = connect(database, APP_ROLE, APP_PASSWORD); Statement s = c.createStatement()) {
                s.execute("insert into ticket_reference (reference) select (7000 + n)::text from generate_series(1, " + tickets + ") n");
                s.execute("""
                        insert into ticket (reference, community_id, category, channel, created_at, acknowledge_due_at,
                            resolve_reminder_at, resolve_due_at, deadline_check_at)
                        select (7000 + n)::text, (select id from community where code = '301'), 'OUTAGE', 'API',
                            now() - interval '12 hours', due, due + interval '1 day', due + interval '2 days', due
                        from (select n, now() + interval '5 seconds' + (n / 3) * interval '1 second' as due
                              from generate_series(1, %d) n) t""".formatted(tickets));
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            String settled = "select count(*) = 0 from outbound_message where status in ('PENDING', 'SENDING')";
            String notified = "select count(*) from deadline_notice";
            try (Connection c = connect(database, APP_ROLE, APP_PASSWORD)) {
                while (!(single(c, notified).equals(Integer.toString(tickets)) && single(c, settled).equals("t"))) {
                    assertTrue(System.nanoTime() < deadline, "after 90 s: " + single(c, notified) + " notices, outbox settled: "
                            + single(c, settled) + "\n" + one.output());
                    Thread.sleep(250);
                }
                Thread.sleep(3_000); // both jobs fire a few more times: nothing more may happen
                assertEquals(Integer.toString(tickets), single(c, notified));
                assertEquals("2", single(c, "select count(distinct instance) from deadline_notice"),
                        "one instance did all the work, so this run proves nothing about two");
                assertEquals(Integer.toString(tickets * 3), single(c, "select count(*) from outbound_message"));
                System.out.printf("ExternalPostgresIT: %s%n", single(c,
                        "select string_agg(instance || ': ' || n, ', ') from (select instance, count(*) n from deadline_notice group by instance) x"));
            }
            for (int n = 1; n <= tickets; n++) {
                String reference = Integer.toString(7000 + n);
                for (String phone : List.of(MEMBER_1, MEMBER_2, ON_DUTY)) {
                    assertEquals(1, twilio.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*/Messages.json"))
                                    .withRequestBody(WireMock.containing("To=" + phone.replace("+", "%2B")))
                                    .withRequestBody(WireMock.containing("+" + reference + "+"))).size(),
                            "SMS about " + reference + " to " + phone);
                }
            }
            assertEquals(tickets * 3, twilio.findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(".*/Messages.json"))).size());
        } finally {
            apps.forEach(PackagedApp::close);
            twilio.stop();
        }
    }

    /**
     * Two instances started at the same moment on an empty database each make a session key, and only one can be
     * stored. The other stops with one line; started again (systemd's Restart=on-failure), it reads the stored key
     * before Flyway and HTTP, and a login on either instance then opens the dashboard on the other. No instance writes
     * a key file next to the external database, and no output shows the key.
     */
    @Test
    void twoFirstStartsAtOnceShareOneSessionKey() throws Exception {
        String database = createDatabase("agency_keys");
        // Flyway's history table stays locked until both instances have made their key, so neither can migrate and
        // store its key before the other has made one, however the two processes are scheduled. The baseline is
        // below V0001: every migration is still the app's.
        Flyway.configure().dataSource(jdbcUrl(database), APP_ROLE, APP_PASSWORD).baselineVersion("0").load().baseline();
        Map<String, String> env = datasource(database);
        List<PackagedApp> apps = new ArrayList<>();
        try {
            try (Connection lock = connect(database, "postgres", SUPERUSER_PASSWORD);
                    Statement s = lock.createStatement()) {
                lock.setAutoCommit(false);
                s.execute("lock table flyway_schema_history in access exclusive mode");
                for (String name : List.of("key-a", "key-b")) {
                    Path workDir = base.resolve("app-" + name);
                    Files.createDirectories(workDir);
                    apps.add(PackagedApp.startExternal(jar, workDir, List.of(), env));
                }
                for (PackagedApp app : apps) {
                    app.awaitLine("The database holds no session key yet: made one", Duration.ofSeconds(60));
                }
                lock.commit();
            }
            List<Optional<Duration>> ready = new ArrayList<>();
            for (PackagedApp app : apps) {
                ready.add(app.awaitReadyOrExit(Duration.ofSeconds(90)));
            }
            assertEquals(1, ready.stream().filter(Optional::isPresent).count(),
                    "of two instances with different keys, exactly one may start");
            PackagedApp winner = apps.get(ready.get(0).isPresent() ? 0 : 1);
            PackagedApp loser = apps.get(ready.get(0).isPresent() ? 1 : 0);
            assertNotEquals(0, loser.exitCode(), "the instance whose key was not stored stops with a failure");
            List<String> loserOutput = loser.outputLines();
            String stop = loserOutput.stream().filter(l -> l.contains("Another instance stored the session key first")
                    && l.contains("starting again picks up the stored key")).findFirst()
                    .orElseGet(() -> fail("no line says why:\n" + String.join("\n", loserOutput)));
            assertFalse(loserOutput.stream().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                    "a stack trace buries that line:\n" + String.join("\n", loserOutput));
            System.out.printf("ExternalPostgresIT: two first starts at once: one ready in %d ms, the other exited with"
                    + " %d: %s%n", ready.stream().flatMap(Optional::stream).findFirst().orElseThrow().toMillis(),
                    loser.exitCode(), stop.strip());

            PackagedApp restarted = PackagedApp.startExternal(jar, loser.workDir(), List.of(), env);
            apps.add(restarted);
            Duration again = restarted.awaitReady(Duration.ofSeconds(60));
            System.out.printf("ExternalPostgresIT: the stopped instance started again, ready in %d ms%n",
                    again.toMillis());
            List<String> output = restarted.outputLines();
            int keyLine = indexOf(output, "The session key is the one stored in the table app_secret");
            int flywayLine = indexOf(output, "[org.fly");
            assertTrue(keyLine >= 0 && flywayLine >= 0 && keyLine < flywayLine,
                    "the key is read from app_secret before Flyway runs:\n" + String.join("\n", output));
            assertEquals(-1, indexOf(output, "made one"), "the restart made a key of its own");

            String fromWinner = winner.logIn(PackagedApp.ADMIN, ADMIN_PASSWORD);
            String fromRestarted = restarted.logIn(PackagedApp.ADMIN, ADMIN_PASSWORD);
            assertEquals(200, dashboard(restarted, fromWinner), "a session of the first instance on the second");
            assertEquals(200, dashboard(winner, fromRestarted), "a session of the second instance on the first");
            assertEquals(302, dashboard(winner, "not-a-session"), "any cookie would do");

            String key;
            try (Connection c = connect(database, APP_ROLE, APP_PASSWORD)) {
                key = single(c, "select value from app_secret where name = 'session-encryption-key'");
            }
            List<String> everyLine = new ArrayList<>(loserOutput);
            everyLine.addAll(winner.outputLines());
            everyLine.addAll(restarted.outputLines());
            assertFalse(everyLine.stream().anyMatch(l -> l.contains(key)), "a line of the apps' output holds the key");
            for (PackagedApp app : List.of(winner, restarted)) {
                assertFalse(Files.exists(app.workDir().resolve("data")), "a key file next to an external database in "
                        + app.workDir());
            }
        } finally {
            apps.forEach(PackagedApp::close);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int dashboard(PackagedApp app, String session) {
        return app.send(app.request("/").header("Cookie", "aguavoz-session=" + session).GET().build()).statusCode();
    }

    /** Copies what the build needs, so the outer build's target/ is left alone, and packages without the extension. */
    private static Path buildWithExternalDb(Path dir) throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(dir);
        for (String file : List.of("pom.xml", "mvnw")) {
            Files.copy(project.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        copyTree(project.resolve(".mvn"), dir.resolve(".mvn"));
        copyTree(project.resolve("src/main"), dir.resolve("src/main"));
        copyTree(project.resolve("ivr-flows"), dir.resolve("ivr-flows"));

        List<String> command = List.of(dir.resolve("mvnw").toString(), "-B", "-o", "-q", "-Dexternal-db",
                "-DskipTests", "package");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> OUTER_MAVEN_VARIABLES.contains(name)
                || name.startsWith("QUARKUS_") || name.startsWith("AGUAVOZ_"));
        long started = System.nanoTime();
        run(builder, Duration.ofMinutes(5), dir.resolve("build.out"));
        System.out.printf("ExternalPostgresIT: nested build with -Dexternal-db took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        Path built = dir.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(built), "the nested build made no " + built);
        String dependencies = Files.readString(dir.resolve("target/quarkus-app/quarkus-app-dependencies.txt"));
        assertFalse(dependencies.contains("embedded"), "-Dexternal-db still packages the embedded PostgreSQL");
        return built;
    }

    private static void startPostgres(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path passwordFile = Files.writeString(dir.resolve("superuser-password"), SUPERUSER_PASSWORD);
        if (runningAsRoot()) {
            // PostgreSQL refuses to run as root; its files must belong to the user it runs as.
            UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName("nobody");
            Files.setOwner(dir, nobody);
            Files.setOwner(passwordFile, nobody);
        }
        pgData = dir.resolve("data");
        pgPort = PackagedApp.freePort();
        run(Duration.ofMinutes(2), dir.resolve("initdb.out"), asPostgresUser(PG_BIN.resolve("initdb").toString(),
                "-D", pgData.toString(), "-U", "postgres", "--pwfile=" + passwordFile, "-A", "scram-sha-256",
                "-E", "UTF8", "--no-locale"));
        run(Duration.ofSeconds(90), dir.resolve("pg_ctl-start.out"), asPostgresUser(PG_BIN.resolve("pg_ctl").toString(),
                "-D", pgData.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + pgPort + " -c listen_addresses=127.0.0.1 -k " + pgData, "start"));
        pgRunning = true;
    }

    private static List<String> asPostgresUser(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(Duration timeout, Path output, List<String> command) {
        run(new ProcessBuilder(command), timeout, output);
    }

    private static void run(ProcessBuilder builder, Duration timeout, Path output) {
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail(builder.command() + " did not finish within " + timeout + ":\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                fail(builder.command() + " exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            fail("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("create database " + name + " owner " + APP_ROLE);
        }
        return name;
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    private static Map<String, String> datasource(String database) {
        return PackagedApp.env(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", APP_ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", APP_PASSWORD,
                "AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row from " + sql);
            return rs.getString(1);
        }
    }

    private static long migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    private static Set<String> codes(JsonNode communities) {
        Set<String> codes = new TreeSet<>();
        communities.forEach(c -> codes.add(c.get("code").asText()));
        return codes;
    }

    private JsonNode getJson(PackagedApp app, String path) throws IOException {
        HttpResponse<String> response = app.send(app.request(path).header("Authorization", AUTH).GET().build());
        assertEquals(200, response.statusCode(), path + " answered " + response.body());
        return json.readTree(response.body());
    }
}
