package org.aguavoz.outbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.deadlines.CheckDeadlines;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.phones.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quiet hours hold SMS that are not replies in the outbox, in the agency's time zone, and release them when they
 * end. The test profile has none; each test sets them through the API and the clock to the hour it needs.
 */
@QuarkusTest
@ConnectWireMock
class QuietHoursHoldTest {

    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    static final String ON_DUTY = "+529615559901";

    WireMock wiremock;

    @Inject
    TestClock clock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    CheckDeadlines checkDeadlines;

    private String code;
    private String member;
    private String villager;

    @BeforeEach
    void aCommunityWithOneMember() {
        code = TestCommunities.create("Monte Alegre");
        member = TwilioWebhook.freshVillager();
        villager = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Marta Gómez", member);
        TwilioApi.acceptEverySms(wiremock);
    }

    @AfterEach
    void backToTheTestProfilesAgency() {
        clock.reset();
        agency(Map.of("quietHours", "off", "timeZone", "America/Mexico_City", "qualityEscalationsIgnoreQuietHours", true));
    }

    @Test
    void aNewTicketAtNightIsAnsweredAtOnceAndTheCommitteeIsToldAtSeven() {
        agency(Map.of("quietHours", "21:00-07:00"));
        clock.setTo(at(MEXICO, "2026-11-24T22:30"));

        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " sin agua desde la tarde"));
        dispatcher.drain();
        assertEquals(List.of(), sentTo(member), "the committee was woken at 22:30");

        clock.setTo(at(MEXICO, "2026-11-25T06:59"));
        dispatcher.drain();
        assertEquals(List.of(), sentTo(member));

        clock.setTo(at(MEXICO, "2026-11-25T07:00:30"));
        dispatcher.drain();
        assertEquals(1, sentTo(member).size());
        assertEquals(true, sentTo(member).get(0).contains(reference));
    }

    @ParameterizedTest(name = "{0} at 23:00: sent at once = {1}")
    @CsvSource({"REPLY, true", "URGENT, true", "NOTICE, false"})
    void onlyNoticesWait(OutboundMessage.Timing timing, boolean sentAtOnce) {
        agency(Map.of("quietHours", "21:00-07:00"));
        clock.setTo(at(MEXICO, "2026-11-24T23:00"));
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new PhoneNumber(villager), "AguaVoz: prueba", null, timing));

        dispatcher.drain();
        assertEquals(sentAtOnce ? 1 : 0, sentTo(villager).size());
        clock.setTo(at(MEXICO, "2026-11-25T07:01"));
        dispatcher.drain();
        assertEquals(1, sentTo(villager).size(), "sent once in all");
    }

    @Test
    void quietHoursFollowTheAgencysTimeZone() {
        agency(Map.of("quietHours", "21:00-07:00", "timeZone", "Africa/Nairobi"));
        clock.setTo(at(NAIROBI, "2026-11-24T21:30")); // 12:30 in Mexico
        enqueueNotice();
        dispatcher.drain();
        assertEquals(List.of(), sentTo(villager), "held at 21:30 in Nairobi");

        clock.setTo(at(NAIROBI, "2026-11-25T07:00:30")); // 22:00 in Mexico: quiet there, not here
        dispatcher.drain();
        assertEquals(1, sentTo(villager).size());
    }

    @Test
    void offMeansNothingWaits() {
        clock.setTo(at(MEXICO, "2026-11-24T03:00"));
        enqueueNotice();
        dispatcher.drain();
        assertEquals(1, sentTo(villager).size());
    }

    @ParameterizedTest(name = "quality escalations ignore quiet hours: {0}")
    @CsvSource({"true", "false"})
    void aWaterQualityEscalationMayWakeTheAgencyButNeverTheCommittee(boolean ignoreQuietHours) {
        agency(Map.of("quietHours", "21:00-07:00", "qualityEscalationsIgnoreQuietHours", ignoreQuietHours));
        clock.setTo(at(MEXICO, "2026-11-24T17:30"));
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " el agua sale sucia y con olor"));
        dispatcher.drain();
        int told = sentTo(member).size();

        clock.advance(Duration.ofHours(4).plusMinutes(1)); // 21:31: the 4 h to acknowledge are over, at night
        checkDeadlines.check();
        dispatcher.drain();
        List<String> escalations = sentTo(ON_DUTY).stream().filter(sms -> sms.contains("ATRASADO " + reference)).toList();
        assertEquals(ignoreQuietHours ? 1 : 0, escalations.size());
        assertEquals(told, sentTo(member).size(), "the committee's reminder waits for the morning");

        clock.setTo(at(MEXICO, "2026-11-25T07:00:30"));
        dispatcher.drain();
        assertEquals(told + 1, sentTo(member).size());
        assertEquals(1, sentTo(ON_DUTY).stream().filter(sms -> sms.contains("ATRASADO " + reference)).count());
    }

    private void enqueueNotice() {
        QuarkusTransaction.requiringNew().run(() ->
                outbox.enqueue(new PhoneNumber(villager), "AguaVoz: aviso", null, OutboundMessage.Timing.NOTICE));
    }

    private List<String> sentTo(String phone) {
        return TwilioApi.sentTo(wiremock, phone);
    }

    private static java.time.Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static void agency(Map<String, Object> change) {
        TestStaff.asAdmin().contentType("application/json").body(change).patch("/api/v1/agency").then().statusCode(200);
        change.forEach((field, value) -> TestStaff.asAdmin().get("/api/v1/agency").then().body(field, equalTo(value)));
    }
}
