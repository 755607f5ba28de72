package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.aguavoz.TestCommunities;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.tickets.Ticket;
import org.junit.jupiter.api.Test;

/** Twilio may deliver a webhook twice, even to two instances at the same moment: one message, one ticket. */
@QuarkusTest
class SmsDuplicateDeliveryTest {

    @Test
    void aRepeatedDeliveryGetsTheSameAnswerAndOpensNothingNew() {
        String code = TestCommunities.create("Repetida");
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), code + " sin agua");

        String first = TwilioWebhook.post("/twilio/sms", params).then().statusCode(200).extract().asString();
        String second = TwilioWebhook.post("/twilio/sms", params).then().statusCode(200).extract().asString();

        assertEquals(first, second);
        assertEquals(1, SmsWebhookTest.inboundCount(params.get("MessageSid")));
        assertEquals(1, ticketsFrom(params.get("From")));
    }

    @Test
    void simultaneousDeliveriesRaceToOneTicket() throws Exception {
        String code = TestCommunities.create("Carrera");
        TestCommunities.addMember(code, "Operador", "+529615550299");
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), code + " fuga en la calle");
        int deliveries = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            List<Callable<Response>> posts = IntStream.range(0, deliveries).<Callable<Response>>mapToObj(i -> () -> {
                start.await();
                return TwilioWebhook.post("/twilio/sms", params);
            }).toList();
            List<Future<Response>> sent = posts.stream().map(pool::submit).toList();
            start.countDown();
            Set<String> answers = new HashSet<>();
            for (Future<Response> response : sent) {
                Response r = response.get();
                assertEquals(200, r.statusCode(), r.asString());
                answers.add(r.asString());
            }
            assertEquals(1, answers.size(), "different answers: " + answers);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, SmsWebhookTest.inboundCount(params.get("MessageSid")));
        assertEquals(1, ticketsFrom(params.get("From")));
        String reply = TwilioWebhook.post("/twilio/sms", params).xmlPath().getString("Response.Message.Body");
        assertEquals(1, SmsWebhookTest.outboxFor(SmsWebhookTest.reference(reply)).size(), "one notice for the one member");
    }

    private static long ticketsFrom(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.count("reporterPhone", phone));
    }
}
