package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.aguavoz.ExternalPostgres;
import org.aguavoz.PackagedApp;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the packaged app (an external PostgreSQL 15, stopped with {@code pg_ctl stop -m fast})
 * while signed SMS keep coming: every webhook answers 200 and leaves a spool file, a call hears the apology, readiness
 * stays UP; once PostgreSQL is back, every message is stored once and its answer queued in the outbox, and Twilio
 * delivering them all again stores nothing new.
 */
class SpoolIT {

    private static final int MESSAGES = 10;
    private static final String ADMIN_PASSWORD = "spool-admin-2026";
    private static final String WILL_ANSWER = "AguaVoz: recibimos su mensaje. En breve le enviamos su numero de reporte.";
    private static final String APOLOGY = "Lo sentimos, en este momento no podemos tomar su llamada.";

    @Test
    void messagesSentWhileTheDatabaseIsAwayAreStoredOnceItIsBack() throws Exception {
        Path base = PackagedApp.freshDirectory("SpoolIT");
        long buildStarted = System.nanoTime();
        Path jar = ExternalPostgres.buildWithExternalDb(base.resolve("build"));
        System.out.printf("SpoolIT: nested build with -Dexternal-db took %d ms%n", millisSince(buildStarted));
        try (ExternalPostgres postgres = ExternalPostgres.start(base.resolve("pg"))) {
            String database = postgres.createDatabase("agency_spool");
            Path workDir = Files.createDirectories(base.resolve("app"));
            Map<String, String> env = postgres.datasource(database);
            env.putAll(PackagedApp.env(
                    "AGUAVOZ_ADMIN_PASSWORD", ADMIN_PASSWORD,
                    "AGUAVOZ_PUBLIC_URL", TwilioWebhook.PUBLIC_URL,
                    "TWILIO_ACCOUNT_SID", TwilioWebhook.ACCOUNT_SID,
                    "TWILIO_AUTH_TOKEN", TwilioWebhook.AUTH_TOKEN,
                    "AGUAVOZ_SMS_FROM", "+529611234567",
                    // Nothing listens there: replies stay in the outbox, which is what this test looks at.
                    "TWILIO_API_URL", "http://127.0.0.1:" + PackagedApp.freePort(),
                    "AGUAVOZ_QUIET_HOURS", "off"));
            try (PackagedApp app = PackagedApp.startExternal(jar, workDir, List.of(), env)) {
                app.awaitReady(Duration.ofSeconds(60));
                HttpResponse<String> community = app.send(app.request("/api/v1/communities")
                        .header("Authorization", PackagedApp.basicAuth(PackagedApp.ADMIN, ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"301\",\"name\":\"El Sabino\"}")).build());
                assertEquals(201, community.statusCode(), community.body());

                postgres.stopServer();
                List<Map<String, String>> sent = new ArrayList<>();
                long slowest = 0;
                for (int n = 0; n < MESSAGES; n++) {
                    Map<String, String> sms = TwilioWebhook.sms("+5296155570" + (10 + n), "301 sin agua calle " + n);
                    sent.add(sms);
                    long started = System.nanoTime();
                    HttpResponse<String> answer = post(app, "/twilio/sms", sms);
                    slowest = Math.max(slowest, millisSince(started));
                    assertEquals(200, answer.statusCode(), answer.body());
                    assertTrue(answer.body().contains("<Body>" + WILL_ANSWER + "</Body>"), answer.body());
                }
                Path spool = workDir.resolve("data/spool");
                assertEquals(MESSAGES, spoolFiles(spool), "spool files in " + spool);
                System.out.printf("SpoolIT: %d SMS with PostgreSQL stopped: all 200, spooled, slowest answer %d ms%n",
                        MESSAGES, slowest);

                String ready = app.send(app.managementRequest("/q/health/ready").GET().build()).body();
                String compact = ready.replace(" ", "");
                assertTrue(compact.contains("\"status\":\"UP\"") && ready.contains("degraded: spooling")
                        && compact.contains("\"database\":\"away\""), ready);
                String metrics = app.send(app.managementRequest("/q/metrics").GET().build()).body();
                assertEquals(MESSAGES, metric(metrics, "aguavoz_spool_messages"), "aguavoz_spool_messages");
                assertEquals(MESSAGES, metric(metrics, "aguavoz_spool_spooled_total"), "aguavoz_spool_spooled_total");

                Map<String, String> call = TwilioWebhook.fixture("voice/incoming-call.form");
                call.put("CallSid", TwilioWebhook.freshSid("CA"));
                call.put("From", "+529615557099");
                call.put("Caller", "+529615557099");
                HttpResponse<String> heard = post(app, "/twilio/voice", call);
                assertEquals(200, heard.statusCode(), heard.body());
                assertTrue(heard.body().contains(APOLOGY) && heard.body().contains("<Hangup/>"), heard.body());

                long restarted = System.nanoTime();
                postgres.startServer();
                String sids = sent.stream().map(m -> "'" + m.get("MessageSid") + "'").collect(Collectors.joining(","));
                String phones = sent.stream().map(m -> "'" + m.get("From") + "'").collect(Collectors.joining(","));
                String storedAndAnswered = "select count(*) from inbound_message where message_sid in (" + sids
                        + ") and processed_at is not null";
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                try (Connection c = postgres.connect(database)) {
                    while (!ExternalPostgres.single(c, storedAndAnswered).equals(Integer.toString(MESSAGES))
                            || spoolFiles(spool) > 0) {
                        assertTrue(System.nanoTime() < deadline, "60 s after PostgreSQL came back: "
                                + ExternalPostgres.single(c, storedAndAnswered) + " answered, " + spoolFiles(spool)
                                + " files left\n" + app.output());
                        Thread.sleep(200);
                    }
                    System.out.printf("SpoolIT: PostgreSQL back; the spool was drained and answered %d ms after"
                            + " pg_ctl start returned%n", millisSince(restarted));
                    assertEquals(Integer.toString(MESSAGES), ExternalPostgres.single(c,
                            "select count(*) from inbound_message where from_phone in (" + phones + ")"));
                    assertEquals(Integer.toString(MESSAGES), ExternalPostgres.single(c,
                            "select count(*) from ticket t join community m on m.id = t.community_id"
                                    + " where m.code = '301'"));
                    String replies = "select count(*) from outbound_message where to_phone in (" + phones
                            + ") and body like 'AguaVoz: reporte % recibido.%'";
                    assertEquals(Integer.toString(MESSAGES), ExternalPostgres.single(c, replies));

                    // Twilio delivers every message again: each is a success, and nothing new is stored or queued.
                    for (Map<String, String> sms : sent) {
                        assertEquals(200, post(app, "/twilio/sms", sms).statusCode());
                    }
                    assertEquals(Integer.toString(MESSAGES), ExternalPostgres.single(c,
                            "select count(*) from inbound_message where from_phone in (" + phones + ")"));
                    assertEquals(Integer.toString(MESSAGES), ExternalPostgres.single(c,
                            "select count(*) from outbound_message where to_phone in (" + phones + ")"));
                }
                assertEquals(0, spoolFiles(spool));
                String readyAgain = app.send(app.managementRequest("/q/health/ready").GET().build()).body();
                assertTrue(readyAgain.contains("\"normal\"") && readyAgain.replace(" ", "").contains("\"database\":\"up\""),
                        readyAgain);
            }
        }
    }

    private static HttpResponse<String> post(PackagedApp app, String path, Map<String, String> params) {
        // HTTP/1.1 as Twilio sends it: the JDK client's default asks for an h2c upgrade, which a webhook never does.
        return app.send(app.request(path).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + path, params,
                        TwilioWebhook.AUTH_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhook.encode(params))).build());
    }

    private static long spoolFiles(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().contains(".sms")).count();
        }
    }

    private static int metric(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.E+]+)$").matcher(metrics);
        assertTrue(value.find(), name + " not in /q/metrics");
        return (int) Double.parseDouble(value.group(2));
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
