package org.aguavoz.intake.sms;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboundMessage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The spool without stopping the shared test database: a trigger makes the database refuse one villager's messages,
 * as a database that is away refuses every message, and dropping it brings the database "back".
 * (SpoolIT stops a real PostgreSQL.)
 */
@QuarkusTest
class SmsSpoolTest {

    private static final String WILL_ANSWER = "AguaVoz: recibimos su mensaje. En breve le enviamos su numero de reporte.";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SmsSpool spool;

    @Inject
    DrainSmsSpool drain;

    @Test
    void messagesTheDatabaseRefusesAreSpooledThenStoredOnceInArrivalOrderAndAnswered() throws Exception {
        String code = TestCommunities.create("Sin Base");
        String villager = TwilioWebhook.freshVillager();
        String refuse = "refuse_" + villager.substring(1);
        execute("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    raise exception 'the database is away (simulated)';
                end $$;
                create trigger %1$s before insert on inbound_message
                    for each row when (new.from_phone = '%2$s') execute function %1$s();
                """.formatted(refuse, villager));
        List<Map<String, String>> sent = new ArrayList<>();
        try {
            sent.add(TwilioWebhook.sms(villager, "no hay agua desde ayer"));
            sent.add(TwilioWebhook.sms(villager, code));
            sent.add(TwilioWebhook.sms(villager, "ESTADO"));
            for (Map<String, String> sms : sent) {
                assertEquals(WILL_ANSWER, reply(sms));
            }
            // Twilio delivers the first one again while the database is still away: spooled twice, stored once.
            assertEquals(WILL_ANSWER, reply(sent.get(0)));
            assertEquals(4, filesOf(sent).size(), "one file per delivery");
            JsonPath ready = readiness();
            assertEquals("UP", ready.getString("status"));
            assertEquals("degraded: spooling", intakeCheck(ready).get("data.intake"));

            // Still refused: the first message stays first in line, nothing is lost, nothing claimed is left behind.
            drain.drain();
            assertEquals(4, filesOf(sent).size());
            assertEquals(0, count("select count(*) from inbound_message where from_phone = '" + villager + "'"));
        } finally {
            execute("drop trigger %1$s on inbound_message; drop function %1$s();".formatted(refuse));
        }

        assertTrue(drain.drain() >= 4);
        assertEquals(List.of(), filesOf(sent), "spool files left after the messages were stored");
        List<InboundMessage> stored = QuarkusTransaction.requiringNew().call(() -> InboundMessage
                .<InboundMessage>find("fromPhone = ?1 order by id", villager).list());
        assertEquals(sent.stream().map(m -> m.get("MessageSid")).toList(),
                stored.stream().map(m -> m.messageSid).toList(), "each message once, in the order they arrived");
        assertTrue(stored.get(0).receivedAt.isBefore(stored.get(2).receivedAt), "received_at is the arrival, kept");
        stored.forEach(m -> assertNotNull(m.processedAt, m.messageSid + " not answered"));
        // The question "which community?", then the report filed with the code: answered by SMS, as sent.
        List<OutboundMessage> replies = QuarkusTransaction.requiringNew().call(() -> OutboundMessage
                .<OutboundMessage>find("toPhone = ?1 order by id", villager).list());
        assertEquals(stored.stream().map(m -> m.replyBody).toList(), replies.stream().map(m -> m.body).toList());
        assertNotNull(TwilioWebhook.referenceIn(replies.get(1).body));

        // Twilio retries every delivery once the database is back: nothing new is stored or sent.
        for (Map<String, String> sms : sent) {
            TwilioWebhook.post("/twilio/sms", sms).then().statusCode(200);
        }
        assertEquals(3, count("select count(*) from inbound_message where from_phone = '" + villager + "'"));
        assertEquals(replies.size(), count("select count(*) from outbound_message where to_phone = '" + villager + "'"));
    }

    @Test
    void aClaimIsExclusiveAndOneLeftByADeadInstanceComesBack() throws IOException {
        SpooledSms message = new SpooledSms(InboundSms.fromTwilio(TwilioWebhook.freshSid("SM"),
                TwilioWebhook.ACCOUNT_SID, TwilioWebhook.freshVillager(), "+529611234567", "x", 0), Instant.now());
        spool.append(message);
        Path file = only(message);
        Optional<SmsSpool.Claim> first = spool.claim(file);
        assertTrue(first.isPresent());
        assertTrue(spool.claim(file).isEmpty(), "a second claim of the same file");
        assertTrue(spool.waiting().stream().noneMatch(file::equals), "a claimed file still waits");
        first.get().release();
        assertEquals(List.of(file), spool.waiting().stream().filter(file::equals).toList());

        // An instance claimed it an hour ago and died.
        Files.move(file, file.resolveSibling(file.getFileName() + ".claimed-"
                + Instant.now().minusSeconds(3600).toEpochMilli()));
        assertTrue(spool.waiting().stream().noneMatch(file::equals));
        spool.releaseExpiredClaims();
        assertTrue(spool.waiting().contains(file), "the expired claim was not given back");
        spool.claim(file).orElseThrow().delete();
    }

    @Test
    void filesSortInArrivalOrderAndKeepEveryCharacter() {
        Instant at = Instant.parse("2026-03-01T10:00:00.123456Z");
        List<SpooledSms> messages = new ArrayList<>();
        for (String body : List.of("mañana & agua=5%\nsí", "", "😀 \u0000 +52")) {
            // The same instant three times: the order is still the order of appending.
            messages.add(new SpooledSms(InboundSms.fromTwilio(TwilioWebhook.freshSid("SM"), TwilioWebhook.ACCOUNT_SID,
                    "+529615550000", "+529611234567", body, 1), at));
        }
        List<Path> files = new ArrayList<>();
        for (SpooledSms message : messages) {
            spool.append(message);
            files.add(only(message));
        }
        List<Path> waiting = spool.waiting().stream().filter(files::contains).toList();
        assertEquals(files, waiting);
        for (int i = 0; i < files.size(); i++) {
            SmsSpool.Claim claim = spool.claim(files.get(i)).orElseThrow();
            assertEquals(messages.get(i), claim.read());
            claim.delete();
        }
    }

    private static String reply(Map<String, String> sms) {
        return TwilioWebhook.post("/twilio/sms", sms).then().statusCode(200).extract().xmlPath()
                .getString("Response.Message.Body");
    }

    private Path only(SpooledSms message) {
        List<Path> files = filesOf(List.of(Map.of("MessageSid", message.sms().messageSid())));
        assertEquals(1, files.size(), "files of " + message.sms().messageSid());
        return files.get(0);
    }

    private List<Path> filesOf(List<Map<String, String>> messages) {
        List<String> sids = messages.stream().map(m -> m.get("MessageSid")).toList();
        return spool.waiting().stream()
                .filter(p -> sids.stream().anyMatch(sid -> p.getFileName().toString().contains(sid))).toList();
    }

    private static JsonPath readiness() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port).get("/q/health/ready").then().extract().jsonPath();
    }

    private static Map<String, Object> intakeCheck(JsonPath health) {
        List<Map<String, Object>> checks = health.getList("checks");
        Map<String, Object> check = checks.stream().filter(c -> "sms-intake".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no sms-intake check in " + checks));
        return Map.of("data.intake", ((Map<?, ?>) check.get("data")).get("intake"));
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
