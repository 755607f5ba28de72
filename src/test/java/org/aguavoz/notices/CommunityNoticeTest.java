package org.aguavoz.notices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.intake.voice.TestCall;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A notice to a whole community, sent by staff through the API and the dashboard: who gets it (as WireMock received
 * it), how its SMS are counted, what is refused before anything is queued, and that it waits for the end of quiet
 * hours. Replies during a notice and the committee's AVISO: {@link NoticeDuringIncidentTest}.
 */
@QuarkusTest
@ConnectWireMock
class CommunityNoticeTest {

    static final String TEXT = "sin agua hasta el jueves, se cambia la bomba";
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final String CSRF = "n".repeat(43);

    WireMock wiremock;

    @Inject
    TestClock clock;

    @Inject
    OutboxDispatcher dispatcher;

    private String code;
    private String otherCode;

    @BeforeEach
    void aCommunityAndItsNeighbour() {
        code = TestCommunities.create("Los Ángeles");
        otherCode = TestCommunities.create("Las Flores");
        TwilioApi.acceptEverySms(wiremock);
    }

    @AfterEach
    void backToRealTimeAndNoQuietHours() {
        clock.reset();
        TestStaff.asAdmin().contentType(ContentType.JSON).body(Map.of("quietHours", "off"))
                .patch("/api/v1/agency").then().statusCode(200);
    }

    /** A phone with a history, and how many copies of the notice it must get. */
    enum Phone {
        // The old reports come first, so that the recent ones open an incident of their own.
        THIRTEEN_MONTHS_AGO(0, (t, p) -> t.reportDaysAgo(p, 395)),
        ELEVEN_MONTHS_AGO(1, (t, p) -> t.reportDaysAgo(p, 335)),
        MEMBER(1, (t, p) -> t.member(p)),
        REPORTER(1, (t, p) -> t.report(p, t.code + " sin agua")),
        REPORTED_TWICE(1, (t, p) -> {
            t.report(p, t.code + " sin agua");
            t.report(p, t.code + " fuga en la calle");
        }),
        MEMBER_WHO_REPORTED(1, (t, p) -> {
            t.member(p);
            t.report(p, t.code + " sin agua");
        }),
        ENGLISH_REPORTER(1, (t, p) -> t.report(p, t.code + " no water since yesterday")),
        OPEN_AND_ANONYMOUS(1, (t, p) -> {
            t.report(p, t.code + " sin agua");
            t.report(p, "ANONIMO " + t.code + " el tesorero se queda con las cuotas");
        }),
        OPTED_OUT(0, (t, p) -> {
            t.report(p, t.code + " sin agua");
            t.report(p, "BAJA");
        }),
        FOREIGN_CALLER(0, (t, p) -> t.reportByPhone(p)),
        OTHER_COMMUNITY(0, (t, p) -> t.report(p, t.otherCode + " sin agua")),
        ONLY_INTEGRITY(0, (t, p) -> {
            if (!t.report(p, t.code + " el tesorero se queda con las cuotas").contains("recibido")) {
                t.report(p, "5");
            }
        }),
        ONLY_ANONYMOUS(0, (t, p) -> t.report(p, "ANONIMO " + t.code + " el presidente pide mordida")),
        PAST_MEMBER(0, (t, p) -> {
            long id = ((Number) TestStaff.asAdmin().contentType(ContentType.JSON)
                    .body(Map.of("name", "Ex Integrante", "phone", p, "role", "member"))
                    .post("/api/v1/communities/{code}/members", t.code).then().statusCode(201)
                    .extract().path("id")).longValue();
            TestStaff.asAdmin().delete("/api/v1/communities/{code}/members/{id}", t.code, id).then().statusCode(200);
        });

        final int copies;
        final BiConsumer<CommunityNoticeTest, String> history;

        Phone(int copies, BiConsumer<CommunityNoticeTest, String> history) {
            this.copies = copies;
            this.history = history;
        }
    }

    @Test
    void aNoticeReachesEveryPhoneThatMayHaveItOnce() {
        Map<Phone, String> phones = new EnumMap<>(Phone.class);
        for (Phone kind : Phone.values()) {
            String phone = kind == Phone.FOREIGN_CALLER
                    ? "+234803" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999)
                    : TwilioWebhook.freshVillager();
            kind.history.accept(this, phone);
            phones.put(kind, phone);
        }
        String outage = TwilioWebhook.referenceIn(latestReply(phones.get(Phone.REPORTER)));

        Response sent = notice(Map.of("category", "outage", "text", TEXT, "until", inHours(48)));
        sent.then().statusCode(201)
                .body("incident", equalTo(outage))
                .body("sms.recipients", equalTo(9))
                .body("sms.waiting", equalTo(7))
                .body("sms.notSent", equalTo(2));
        dispatcher.drain();
        dispatcher.drain(); // nothing is sent twice

        Map<Phone, Integer> expected = new EnumMap<>(Phone.class);
        Map<Phone, Integer> got = new EnumMap<>(Phone.class);
        for (Phone kind : Phone.values()) {
            expected.put(kind, kind.copies);
            got.put(kind, noticesTo(phones.get(kind)).size());
        }
        assertEquals(expected, got, "copies of the notice per phone");
        assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), noticesTo(phones.get(Phone.REPORTER)));
        assertEquals(List.of("AguaVoz Los Angeles, notice: " + TEXT), noticesTo(phones.get(Phone.ENGLISH_REPORTER)));

        // The counts come from the outbox rows; a delivery report moves one to delivered.
        TestStaff.asViewer().get("/api/v1/communities/{code}/notices", code).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].sms.sent", equalTo(7)).body("[0].sms.delivered", equalTo(0))
                .body("[0].sms.notSent", equalTo(2)).body("[0].sms.waiting", equalTo(0))
                .body("[0].createdBy.type", equalTo("staff")).body("[0].channel", equalTo("api"))
                .body("[0].active", equalTo(true));
        String sid = QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>find(
                "toPhone = ?1 and purpose = ?2", phones.get(Phone.MEMBER), OutboundMessage.Purpose.COMMUNITY_NOTICE)
                .firstResult().twilioSid);
        Map<String, String> delivered = TwilioWebhook.fixture("sms/status-delivered.form");
        delivered.put("MessageSid", sid);
        delivered.put("SmsSid", sid);
        TwilioWebhook.post("/twilio/sms/status", delivered).then().statusCode(204);
        TestStaff.asViewer().get("/api/v1/communities/{code}/notices", code).then()
                .body("[0].sms.sent", equalTo(7)).body("[0].sms.delivered", equalTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a text longer than one SMS        | outage    | <x 132>   | PT48H | text
        a text that fits exactly          | outage    | <x 131>   | PT48H |
        a text that fits once transliterated | outage | <á 131>   | PT48H |
        no text                           | outage    |           | PT48H | text
        an end in the past                | outage    | sin agua  | -PT1M | until
        no end                            | outage    | sin agua  |       | until
        an end more than 31 days ahead    | outage    | sin agua  | P32D  | until
        an end without an offset          | outage    | sin agua  | local | until
        an integrity complaint            | integrity | sin agua  | PT48H | category
        an unknown category               | flood     | sin agua  | PT48H | category
        no category                       |           | sin agua  | PT48H |
        """)
    void aNoticeIsCheckedBeforeAnythingIsQueued(String row, String category, String text, String until,
            String refusedField) {
        long rowsBefore = outboxRows();
        Map<String, Object> body = new java.util.HashMap<>();
        if (category != null) {
            body.put("category", category);
        }
        if (text != null) {
            body.put("text", expand(text));
        }
        if ("local".equals(until)) {
            body.put("until", "2026-12-05T18:00:00");
        } else if (until != null) {
            body.put("until", clock.instant().plus(Duration.parse(until)).atOffset(ZoneOffset.ofHours(-6)).toString());
        }
        TestCommunities.addMember(code, "Rosa Díaz", TwilioWebhook.freshVillager());

        Response response = notice(body);

        if (refusedField == null) {
            response.then().statusCode(201);
            assertEquals(rowsBefore + 1, outboxRows(), "the notice to the one member");
            return;
        }
        response.then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo(refusedField));
        assertEquals(rowsBefore, outboxRows(), "SMS queued for a refused notice");
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then().body("size()", equalTo(0));
    }

    @Test
    void theApiSaysHowLongATextMayBe() {
        notice(Map.of("text", "x".repeat(132), "until", inHours(2))).then().statusCode(400)
                .body("errors[0].problem", containsString("at most 131 characters"))
                .body("errors[0].problem", containsString("AguaVoz Los Angeles, aviso: "));
    }

    @Test
    void viewersReadNoticesAndOnlyStaffSendThem() {
        TestStaff.asViewer().contentType(ContentType.JSON).body(Map.of("text", "sin agua", "until", inHours(2)))
                .post("/api/v1/communities/{code}/notices", code).then().statusCode(403);
        TestStaff.asViewer().get("/api/v1/communities/{code}/notices", code).then().statusCode(200);
        TestStaff.asStaff().contentType(ContentType.JSON).body(Map.of("text", "sin agua", "until", inHours(2)))
                .post("/api/v1/communities/{code}/notices", "999998").then().statusCode(404);
        given().get("/api/v1/communities/{code}/notices", code).then().statusCode(401);
    }

    @Test
    void theDashboardFormKeepsWhatWasTypedWhenItIsRefused() {
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Díaz", member);
        String session = TestStaff.logIn("admin", TestStaff.ADMIN_PASSWORD);
        String until = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), MEXICO).withNano(0)
                .withSecond(0).toString();
        String tooLong = "se corta el agua " + "mañana ".repeat(20);

        String refused = form(session, Map.of("category", "outage", "text", tooLong, "until", until))
                .then().statusCode(400).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("de 1 a 131 caracteres"), refused);
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("value=\"" + tooLong + "\""), "the text as typed");
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("value=\"" + until + "\""), "the end as typed");
        org.junit.jupiter.api.Assertions.assertTrue(refused.contains("<option value=\"outage\" selected>"),
                "the category as chosen");
        dispatcher.drain();
        assertEquals(List.of(), noticesTo(member));

        form(session, Map.of("category", "outage", "text", TEXT, "until", until)).then().statusCode(303)
                .header("Location", containsString("/communities/" + code));
        dispatcher.drain();
        assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), noticesTo(member));
        given().cookie("aguavoz-session", session).get("/communities/{code}", code).then().statusCode(200)
                .body(containsString(TEXT)).body(containsString("<td>1</td>"));
        TestStaff.asStaff().get("/api/v1/communities/{code}/notices", code).then()
                .body("[0].channel", equalTo("dashboard")).body("[0].createdBy.name", equalTo("admin"))
                .body("[0].category", equalTo("outage"));
    }

    @Test
    void aNoticeWaitsForTheEndOfQuietHours() {
        String reporter = TwilioWebhook.freshVillager();
        TestStaff.asAdmin().contentType(ContentType.JSON).body(Map.of("quietHours", "21:00-07:00"))
                .patch("/api/v1/agency").then().statusCode(200);
        clock.setTo(LocalDateTime.parse("2026-11-24T22:30").atZone(MEXICO).toInstant());
        report(reporter, code + " sin agua");

        notice(Map.of("text", TEXT, "until", inHours(24))).then().statusCode(201);
        dispatcher.drain();
        assertEquals(List.of(), noticesTo(reporter), "a whole community woken at 22:30");

        clock.setTo(LocalDateTime.parse("2026-11-25T07:00:30").atZone(MEXICO).toInstant());
        dispatcher.drain();
        assertEquals(List.of("AguaVoz Los Angeles, aviso: " + TEXT), noticesTo(reporter));
    }

    // --- the histories of phones ---------------------------------------------------------------------------------

    private void member(String phone) {
        TestCommunities.addMember(code, "Integrante " + phone.substring(phone.length() - 4), phone);
    }

    private final Map<String, String> lastReplies = new java.util.HashMap<>();

    private String report(String phone, String text) {
        String reply = TwilioWebhook.smsReply(phone, text);
        lastReplies.put(phone, reply);
        return reply;
    }

    private String latestReply(String phone) {
        return lastReplies.get(phone);
    }

    private void reportDaysAgo(String phone, int days) {
        clock.setTo(Instant.now().minus(Duration.ofDays(days)));
        try {
            report(phone, code + " sin agua");
        } finally {
            clock.reset();
        }
    }

    /** A report by phone from a foreign caller ID: foreign SMS reports are never filed, calls are. */
    private void reportByPhone(String phone) {
        TestCall call = new TestCall(phone);
        call.ring();
        call.press("1");
        call.press(code + "#");
        call.press("1");
        call.press("1");
        call.recorded("RE" + "b".repeat(32), false);
        call.hangUp();
        long tickets = QuarkusTransaction.requiringNew().call(() -> org.aguavoz.tickets.Ticket.count("reporterPhone", phone));
        assertEquals(1, tickets, "the foreign caller's report was filed");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Response notice(Map<String, ?> body) {
        return TestStaff.asStaff().contentType(ContentType.JSON).body(body)
                .post("/api/v1/communities/{code}/notices", code);
    }

    private Response form(String session, Map<String, String> fields) {
        return given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", CSRF).formParam("csrf", CSRF)
                .formParams(fields).redirects().follow(false).post("/communities/{code}/notices", code);
    }

    private String inHours(int hours) {
        return clock.instant().plus(Duration.ofHours(hours)).atOffset(ZoneOffset.ofHours(-6)).toString();
    }

    /** The copies of a community notice Twilio was asked to send to this phone. */
    private List<String> noticesTo(String phone) {
        return TwilioApi.sentTo(wiremock, phone).stream()
                .filter(sms -> sms.contains(", aviso: ") || sms.contains(", notice: ")).toList();
    }

    private static long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.count());
    }

    /** "<x 132>": x, 132 times. */
    private static String expand(String cell) {
        java.util.regex.Matcher repeated = java.util.regex.Pattern.compile("<(.+) ([0-9]+)>").matcher(cell);
        return repeated.matches() ? repeated.group(1).repeat(Integer.parseInt(repeated.group(2))) : cell;
    }
}
