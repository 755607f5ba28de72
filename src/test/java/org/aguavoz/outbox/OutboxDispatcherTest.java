package org.aguavoz.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.phones.PhoneNumber;
import org.junit.jupiter.api.Test;

/**
 * The outbox against Twilio's REST API played by WireMock: what Twilio receives, and what becomes of every row
 * when Twilio accepts, throttles, fails, times out or refuses. Each test uses its own recipients, and looks only
 * at WireMock requests for them.
 */
@QuarkusTest
@ConnectWireMock
class OutboxDispatcherTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID + "/Messages.json";

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Test
    void sendsAQueuedSmsWithTheSdkAndKeepsTwiliosSid() {
        String to = TwilioWebhook.freshVillager();
        String sid = TwilioWebhook.freshSid("SM");
        twilioAnswers(to, 201, created(sid, to));
        long id = queue(to, "AguaVoz: reporte 4821 recibido. El comité de Los Angeles fue avisado.");

        dispatcher.drain();

        OutboundMessage sent = row(id);
        assertEquals(OutboundMessage.Status.QUEUED, sent.status);
        assertEquals(sid, sent.twilioSid);
        assertEquals(1, sent.attempts);
        assertEquals("+529611234567", sent.sender);
        List<LoggedRequest> requests = requestsTo(to);
        assertEquals(1, requests.size());
        Map<String, String> form = form(requests.get(0));
        assertEquals(to, form.get("To"));
        assertEquals("+529611234567", form.get("From"));
        assertEquals("AguaVoz: reporte 4821 recibido. El comité de Los Angeles fue avisado.", form.get("Body"));
        assertEquals("https://agua.example.mx/twilio/sms/status", form.get("StatusCallback"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                (TwilioWebhook.ACCOUNT_SID + ":" + TwilioWebhook.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)),
                requests.get(0).getHeader("Authorization"));
    }

    @Test
    void a429IsRetriedLaterWithBackoffThenSent() {
        String to = TwilioWebhook.freshVillager();
        String sid = TwilioWebhook.freshSid("SM");
        wiremock.register(post(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to)))
                .inScenario(to).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(json(429, fixture("rest/error-429-20429.json"))));
        wiremock.register(post(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to)))
                .inScenario(to).whenScenarioStateIs("throttled")
                .willReturn(json(201, created(sid, to))));
        long id = queue(to, "hola");

        Instant before = Instant.now();
        dispatcher.drain();
        OutboundMessage waiting = row(id);
        assertEquals(OutboundMessage.Status.PENDING, waiting.status,
                "requests: " + requestsTo(to).size() + ", next " + waiting.nextAttemptAt + ", error " + waiting.lastError);
        assertTrue(waiting.lastError.contains("429"), waiting.lastError);
        // First retry after 1 min in the test profile (2 s by default), with jitter: between half and all of it.
        Duration wait = Duration.between(before, waiting.nextAttemptAt);
        assertTrue(wait.compareTo(Duration.ofSeconds(29)) > 0 && wait.compareTo(Duration.ofSeconds(61)) < 0, wait.toString());

        dispatcher.drain();
        assertEquals(OutboundMessage.Status.PENDING, row(id).status, "not retried before its time");
        makeDue(id);
        dispatcher.drain();

        assertEquals(OutboundMessage.Status.QUEUED, row(id).status);
        assertEquals(sid, row(id).twilioSid);
        assertEquals(2, requestsTo(to).size());
    }

    @Test
    void serverErrorsAreRetriedUpToTheLimitThenFailed() {
        String to = TwilioWebhook.freshVillager();
        twilioAnswers(to, 500, fixture("rest/error-500.json"));
        long id = queue(to, "hola");

        for (int attempt = 1; attempt <= 8; attempt++) {
            makeDue(id);
            dispatcher.drain();
        }

        OutboundMessage failed = row(id);
        assertEquals(OutboundMessage.Status.FAILED, failed.status);
        assertTrue(failed.lastError.contains("after 8 tries"), failed.lastError);
        assertEquals(8, requestsTo(to).size());
        makeDue(id);
        dispatcher.drain();
        assertEquals(8, requestsTo(to).size(), "a failed message is final");
    }

    @Test
    void aTimeoutAfterTheRequestWentOutIsRetriedOnceAndMarked() {
        String to = TwilioWebhook.freshVillager();
        wiremock.register(post(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to)))
                .willReturn(json(201, created(TwilioWebhook.freshSid("SM"), to)).withFixedDelay(1500)));
        long id = queue(to, "hola");

        dispatcher.drain();
        OutboundMessage unknown = row(id);
        assertEquals(OutboundMessage.Status.PENDING, unknown.status);
        assertTrue(unknown.outcomeUnknown);
        makeDue(id);
        dispatcher.drain();

        OutboundMessage failed = row(id);
        assertEquals(OutboundMessage.Status.FAILED, failed.status);
        assertTrue(failed.lastError.contains("not sent again"), failed.lastError);
        assertEquals(2, requestsTo(to).size());
    }

    @Inject
    OutboxClaims claims;

    @Test
    void aSenderThatDiesMidSendLeavesAnUnknownOutcomeThatIsRetriedOnce() {
        String to = TwilioWebhook.freshVillager();
        twilioAnswers(to, 201, created(TwilioWebhook.freshSid("SM"), to));
        long id = queue(to, "hola");
        // An instance claims the row, calls Twilio, and dies before it can record anything.
        claimOnlyThis(id);
        assertEquals(OutboundMessage.Status.SENDING, row(id).status);
        dispatcher.drain();
        assertEquals(OutboundMessage.Status.SENDING, row(id).status, "a live lease is left alone");

        expireLease(id);
        dispatcher.drain();

        OutboundMessage resent = row(id);
        assertEquals(OutboundMessage.Status.QUEUED, resent.status);
        assertTrue(resent.outcomeUnknown, "marked: Twilio may have sent it twice");
        assertEquals(2, resent.attempts);
    }

    @Test
    void aSecondUnknownOutcomeIsNotRetried() {
        String to = TwilioWebhook.freshVillager();
        long id = queue(to, "hola");
        claimOnlyThis(id);
        expireLease(id);
        claimOnlyThis(id);  // the retry's sender dies too
        expireLease(id);

        dispatcher.drain();

        assertEquals(OutboundMessage.Status.FAILED, row(id).status);
        assertTrue(row(id).lastError.contains("outcome unknown twice"), row(id).lastError);
        assertEquals(0, requestsTo(to).size());
    }

    /** Claims due rows as a sender would, then hands back every claim but this row's (those are sent normally). */
    private void claimOnlyThis(long id) {
        QuarkusTransaction.requiringNew().run(() -> OutboundMessage.update(
                "nextAttemptAt = ?1 where status = ?2 and id <> ?3", Instant.now().plusSeconds(3600),
                OutboundMessage.Status.PENDING, id));
        List<OutboxClaims.Claim> taken = claims.claim("+529611234567");
        assertEquals(List.of(id), taken.stream().map(OutboxClaims.Claim::id).toList());
    }

    private static void expireLease(long id) {
        QuarkusTransaction.requiringNew().run(() -> OutboundMessage.update(
                "claimedUntil = ?1 where id = ?2", Instant.now().minusSeconds(1), id));
    }

    @Test
    void aConnectionThatDropsBeforeAnAnswerIsRetried() {
        String to = TwilioWebhook.freshVillager();
        wiremock.register(post(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to)))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        long id = queue(to, "hola");

        dispatcher.drain();

        OutboundMessage waiting = row(id);
        assertEquals(OutboundMessage.Status.PENDING, waiting.status);
        assertTrue(waiting.lastError.contains("Twilio"), waiting.lastError);
    }

    @Test
    void anOptedOutOrInvalidNumberFailsAtOnce() {
        String optedOut = TwilioWebhook.freshVillager();
        twilioAnswers(optedOut, 400, fixture("rest/error-400-21610.json"));
        String invalid = TwilioWebhook.freshVillager();
        twilioAnswers(invalid, 400, fixture("rest/error-400-21211.json"));
        long first = queue(optedOut, "hola");
        long second = queue(invalid, "hola");

        dispatcher.drain();

        assertEquals(OutboundMessage.Status.FAILED, row(first).status);
        assertEquals(21610, row(first).errorCode);
        assertEquals(OutboundMessage.Status.FAILED, row(second).status);
        assertEquals(21211, row(second).errorCode);
        makeDue(first);
        dispatcher.drain();
        assertEquals(1, requestsTo(optedOut).size());
        assertEquals(1, requestsTo(invalid).size());
    }

    @Test
    void aVillagerWhoSentBajaGetsNothing() {
        String villager = TwilioWebhook.freshVillager();
        TwilioWebhook.post("/twilio/sms", TwilioWebhook.sms(villager, "BAJA")).then().statusCode(200);
        long id = queue(villager, "AguaVoz: ¿Ya tiene agua? Responda SI o NO");

        dispatcher.drain();

        assertEquals(OutboundMessage.Status.NOT_SENT, row(id).status);
        assertTrue(row(id).lastError.contains("opted out"));
        assertEquals(0, requestsTo(villager).size());
    }

    @Test
    void twoSendersOnOneDatabaseNeverSendTheSameSmsTwice() throws Exception {
        List<String> recipients = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String to = TwilioWebhook.freshVillager();
            twilioAnswers(to, 201, created(TwilioWebhook.freshSid("SM"), to));
            recipients.add(to);
            ids.add(queue(to, "aviso " + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> drained = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                drained.add(senders.submit(() -> {
                    start.await();
                    return dispatcher.drain();
                }));
            }
            start.countDown();
            int tried = drained.get(0).get() + drained.get(1).get();
            assertTrue(tried >= 60, "tried " + tried);
        } finally {
            senders.shutdownNow();
        }
        for (int i = 0; i < recipients.size(); i++) {
            assertEquals(1, requestsTo(recipients.get(i)).size(), "requests for message " + i);
            assertEquals(OutboundMessage.Status.QUEUED, row(ids.get(i)).status);
        }
    }

    @Test
    void statusCallbacksMoveForwardOnlyWhateverTheirOrder() {
        String to = TwilioWebhook.freshVillager();
        String sid = TwilioWebhook.freshSid("SM");
        twilioAnswers(to, 201, created(sid, to));
        long id = queue(to, "hola");
        dispatcher.drain();

        callback("sms/status-delivered.form", sid);
        callback("sms/status-sent.form", sid);  // late and out of order
        callback("sms/status-delivered.form", sid);  // twice

        OutboundMessage delivered = row(id);
        assertEquals(OutboundMessage.Status.DELIVERED, delivered.status);
        assertTrue(delivered.finalAt != null);
        assertNull(delivered.errorCode);
    }

    @Test
    void aReportThatOvertakesTheSenderIsAppliedWhenTheSidIsStored() {
        String to = TwilioWebhook.freshVillager();
        String sid = TwilioWebhook.freshSid("SM");
        twilioAnswers(to, 201, created(sid, to));
        long id = queue(to, "hola");

        callback("sms/status-delivered.form", sid);  // Twilio was faster than our commit
        dispatcher.drain();

        assertEquals(OutboundMessage.Status.DELIVERED, row(id).status);
    }

    @Inject
    SettleSilentDeliveries settle;

    @Test
    void anSmsWithoutADeliveryReportIsSettledAfterThreeDays() {
        String to = TwilioWebhook.freshVillager();
        twilioAnswers(to, 201, created(TwilioWebhook.freshSid("SM"), to));
        long id = queue(to, "hola");
        dispatcher.drain();
        settle.settle();
        assertNull(row(id).finalAt, "two days of silence are normal");

        QuarkusTransaction.requiringNew().run(() -> OutboundMessage.update(
                "sentAt = ?1 where id = ?2", Instant.now().minus(Duration.ofHours(73)), id));
        settle.settle();

        OutboundMessage settled = row(id);
        assertEquals(OutboundMessage.Status.QUEUED, settled.status, "what Twilio last said stays");
        assertTrue(settled.finalAt != null);
        assertTrue(settled.lastError.contains("no delivery report"), settled.lastError);
    }

    @Test
    void anUndeliveredCallbackKeepsTheCarriersErrorCode() {
        String to = TwilioWebhook.freshVillager();
        String sid = TwilioWebhook.freshSid("SM");
        twilioAnswers(to, 201, created(sid, to));
        long id = queue(to, "hola");
        dispatcher.drain();

        callback("sms/status-undelivered-30003.form", sid);

        assertEquals(OutboundMessage.Status.UNDELIVERED, row(id).status);
        assertEquals(30003, row(id).errorCode);
    }

    @Test
    void unsignedCallbacksAreRefused() {
        Map<String, String> params = TwilioWebhook.fixture("sms/status-delivered.form");
        TwilioWebhook.post("/twilio/sms/status", params, null).then().statusCode(403);
        TwilioWebhook.post("/twilio/sms/status", params, "bm90IGEgc2lnbmF0dXJl").then().statusCode(403);
    }

    private void callback(String fixture, String sid) {
        Map<String, String> params = TwilioWebhook.fixture(fixture);
        params.put("MessageSid", sid);
        params.put("SmsSid", sid);
        TwilioWebhook.post("/twilio/sms/status", params).then().statusCode(204);
    }

    private long queue(String to, String body) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(new PhoneNumber(to), body, null, OutboundMessage.Timing.NOTICE).id);
    }

    private static OutboundMessage row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.findById(id));
    }

    /** Moves a row's next try to now: tests skip the backoff instead of sleeping through it. */
    private static void makeDue(long id) {
        QuarkusTransaction.requiringNew().run(() -> OutboundMessage.update(
                "nextAttemptAt = ?1 where id = ?2", Instant.now().minusMillis(1), id));
    }

    private void twilioAnswers(String to, int status, String body) {
        wiremock.register(post(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to)))
                .willReturn(json(status, body)));
    }

    private List<LoggedRequest> requestsTo(String to) {
        return wiremock.find(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing(encoded(to))));
    }

    private static String encoded(String phone) {
        return "To=" + phone.replace("+", "%2B");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Twilio's recorded create response, for this recipient and SID. */
    private static String created(String sid, String to) {
        return fixture("rest/message-create-201.json")
                .replace("SMbfc18160908af7e3e3c3b1e24e3638cc", sid)
                .replace("\"to\": \"+529615550101\"", "\"to\": \"" + to + "\"");
    }

    private static String fixture(String path) {
        try (InputStream in = OutboxDispatcherTest.class.getResourceAsStream("/twilio/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
