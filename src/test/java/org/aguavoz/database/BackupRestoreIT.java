package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aguavoz.PackagedApp;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The README's restore, done: a backup of the demo database taken through the API, unpacked with {@code tar} into
 * the data directory of a fresh working directory, started there: every ticket, timeline event and message is
 * back, row for row. The scheduler is off in both runs so that no job changes a row between the two readings.
 */
class BackupRestoreIT {

    private static final String AUTH = PackagedApp.basicAuth(PackagedApp.ADMIN, "agua-demo-2026");
    private static final List<String> DEMO = List.of("-Dquarkus.profile=demo", "-Dquarkus.scheduler.enabled=false");
    /** The people's data; staff_user is left out: the admin password is set again at every start. */
    private static final List<String> TABLES = List.of("ticket", "ticket_event", "ticket_reference",
            "inbound_message", "outbound_message", "voice_call", "community", "community_alias",
            "committee_membership", "reporter", "conversation", "flyway_schema_history");
    private static final List<String> NOT_EMPTY = List.of("ticket", "ticket_event", "inbound_message",
            "outbound_message");

    /** Twilio's token, so that signed SMS reports add inbound and outbound messages to the demo's tickets. */
    private static final Map<String, String> ENV = PackagedApp.env(
            "TWILIO_ACCOUNT_SID", TwilioWebhook.ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN", TwilioWebhook.AUTH_TOKEN,
            "AGUAVOZ_SMS_FROM", "+529611234567",
            "AGUAVOZ_PUBLIC_URL", TwilioWebhook.PUBLIC_URL,
            "TWILIO_API_URL", "http://127.0.0.1:" + PackagedApp.freePort());
    private static final List<String> REPORTS = List.of("101 fuga de agua en la calle principal",
            "no hay agua desde ayer en 102", "103 el agua sale turbia", "AYUDA");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aBackupUnpackedIntoAFreshDirectoryStartsWithEveryTicketEventAndMessage() throws Exception {
        Path original = PackagedApp.freshDirectory("BackupRestoreIT", "original");
        Path restored = PackagedApp.freshDirectory("BackupRestoreIT", "restored");

        Map<String, List<String>> before;
        JsonNode backup;
        try (PackagedApp app = PackagedApp.startEmbedded(original, DEMO, ENV)) {
            app.awaitReady(Duration.ofSeconds(90));
            app.awaitLine("Backups of the embedded database: on \"0 0 3 * * ?\"", Duration.ofSeconds(5));
            for (String report : REPORTS) {
                sendSms(app, report);
            }
            HttpResponse<String> response = app.send(app.request("/api/v1/backups").header("Authorization", AUTH)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(201, response.statusCode(), response.body());
            backup = json.readTree(response.body());
            before = rows();
            String metrics = app.send(app.managementRequest("/q/metrics").GET().build()).body();
            assertTrue(metric(metrics, "aguavoz_backup_last_success") > 1.7e9, "the last-success gauge:\n" + metrics);
            assertEquals(0.0, metric(metrics, "aguavoz_backup_failures_total"), "failures");
            HttpResponse<String> staff = app.send(app.request("/api/v1/backups")
                    .header("Authorization", PackagedApp.basicAuth("operadora", "agua-demo-2026"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(403, staff.statusCode(), "a backup taken by staff: " + staff.body());
        }
        for (String table : NOT_EMPTY) {
            assertFalse(before.get(table).isEmpty(), "the demo has no " + table + ": the comparison would be empty");
        }
        Path archive = original.resolve("data/backups").resolve(backup.get("file").asText());
        assertTrue(Files.isRegularFile(archive), archive + " is missing");
        assertEquals(backup.get("bytes").asLong(), Files.size(archive));

        // The README's steps: the archive holds postgresql/, unpacked into data/ of the working directory.
        Files.createDirectories(restored.resolve("data"));
        untar(archive, restored.resolve("data"));
        Path dataDir = restored.resolve("data/postgresql");
        assertTrue(Files.isRegularFile(dataDir.resolve("backup_label")), "no backup_label in the archive");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "the archive holds the server's pid file");

        Map<String, List<String>> after;
        Duration ready;
        try (PackagedApp app = PackagedApp.startEmbedded(restored, DEMO, ENV)) {
            ready = app.awaitReady(Duration.ofSeconds(90));
            after = rows();
        }
        // Renamed by the server once it had replayed the WAL from the label's checkpoint: the restore used them.
        assertTrue(Files.isRegularFile(dataDir.resolve("backup_label.old")), "the server did not recover from the"
                + " backup label");
        for (String table : TABLES) {
            assertEquals(before.get(table), after.get(table), table + " after the restore");
        }
        System.out.printf("BackupRestoreIT: backup of %d tickets, %d timeline events and %d messages: %d kB in %d ms;"
                + " restored start ready in %d ms%n", before.get("ticket").size(), before.get("ticket_event").size(),
                before.get("inbound_message").size() + before.get("outbound_message").size(),
                backup.get("bytes").asLong() / 1024, backup.get("tookMillis").asLong(), ready.toMillis());
    }

    /** Every row of every table in {@link #TABLES}, as PostgreSQL writes the whole row, in a stable order. */
    private static Map<String, List<String>> rows() throws SQLException {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl("jdbc:postgresql://127.0.0.1:" + PackagedApp.EMBEDDED_PG_PORT + "/postgres");
        server.setUser("postgres");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(
                        "select r::text from " + table + " r order by r::text collate \"C\"")) {
                    while (row.next()) {
                        lines.add(row.getString(1));
                    }
                }
                rows.put(table, lines);
            }
        }
        return rows;
    }

    private static void sendSms(PackagedApp app, String text) {
        Map<String, String> sms = TwilioWebhook.sms(TwilioWebhook.freshVillager(), text);
        // HTTP/1.1 as Twilio posts: the JDK client's h2c upgrade of a POST with a body fails in Vert.x ("Request
        // has already been read"), a client Twilio never is.
        HttpResponse<String> response = app.send(app.request("/twilio/sms").version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + "/twilio/sms", sms,
                        TwilioWebhook.AUTH_TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(TwilioWebhook.encode(sms))).build());
        assertEquals(200, response.statusCode(), "the SMS \"" + text + "\": " + response.body());
    }

    private static void untar(Path archive, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS), "tar did not finish");
        assertEquals(0, tar.exitValue(), "tar -xzf: " + output);
    }

    private static double metric(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertTrue(value.find(), name + " is not exported:\n" + metrics);
        return Double.parseDouble(value.group(2));
    }
}
