package org.aguavoz.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Webhook bodies nobody but an attacker sends: refused before they are parsed or stored, with a 4xx and never a
 * stack trace, however they are signed.
 */
@QuarkusTest
class TwilioWebhookLimitsTest {

    @Inject
    EntityManager em;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unsigned                 | false
        signed for the public URL | true
        """)
    void aBodyOverSixtyFourKilobytesIsRefusedWith413(String description, boolean signed) {
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), "101 sin agua " + "x".repeat(70_000));
        long before = stored();

        TwilioWebhook.post("/twilio/sms", params, signed ? sign("/twilio/sms", params) : null).then().statusCode(413);

        assertEquals(before, stored());
    }

    @Test
    void aChunkedBodyIsCutOffAfterSixtyFourKilobytes() throws IOException {
        long before = stored();
        long sent = 0;
        String status = "";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /twilio/voice HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + "a=b&".repeat(0x2000 / 4) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                // 64 MB would fill every socket buffer on the way many times over: the server must stop reading.
                while (sent < 64L * 1024 * 1024) {
                    out.write(chunk);
                    sent += 0x2000;
                }
            } catch (IOException closedByTheServer) {
                // expected
            }
            try {
                InputStream in = socket.getInputStream();
                status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            } catch (IOException reset) {
                // The server closed with our bytes unread, so the kernel may reset the connection before we read.
            }
        }
        assertTrue(sent < 64L * 1024 * 1024, "the server read the whole chunked body");
        assertTrue(status.isEmpty() || status.equals("HTTP/1.1 413"), status);
        assertEquals(before, stored());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        a bad percent escape          | /twilio/sms        | MessageSid=SM%zz&Body=sin+agua
        a percent at the end          | /twilio/sms        | Body=sin+agua%
        a percent escape cut short    | /twilio/voice      | CallSid=CA%4
        bytes that are not UTF-8      | /twilio/voice      | CallSid=%C3%28
        201 fields                    | /twilio/sms/status | FIELDS
        """)
    void aBodyThatIsNotATwilioFormIsA400WithoutAStackTrace(String description, String path, String body) {
        String form = body.equals("FIELDS") ? "f=1&".repeat(TwilioForm.MAX_FIELDS + 1) : body;
        long before = stored();

        for (String signature : new String[] {null, "bm90IGEgc2lnbmF0dXJl"}) {
            var request = given().contentType("application/x-www-form-urlencoded").body(form);
            if (signature != null) {
                request.header("X-Twilio-Signature", signature);
            }
            request.post(path).then().statusCode(400)
                    .body(not(Matchers.containsString("Exception"))).body(not(Matchers.containsString("\tat ")));
        }

        assertEquals(before, stored());
    }

    @Test
    void twoHundredFieldsAreStillAWebhook() {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhook.sms(TwilioWebhook.freshVillager(), "sin agua"));
        for (int i = 0; params.size() < TwilioForm.MAX_FIELDS; i++) {
            params.put("Extra" + i, "x");
        }
        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200);
    }

    @Test
    void aSignedWebhookBeyondTheFilterStillGetsItsBody() {
        // The body was read once, by the signature check; the resource must see the same bytes.
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), "mañana sin agua ñ");
        TwilioWebhook.post("/twilio/sms", params).then().statusCode(200);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbound_message where message_sid = ?1 and body = ?2")
                .setParameter(1, params.get("MessageSid")).setParameter(2, "mañana sin agua ñ")
                .getSingleResult()).longValue()));
    }

    private static String sign(String path, Map<String, String> params) {
        return TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL + path, params, TwilioWebhook.AUTH_TOKEN);
    }

    /** Everything intake keeps: messages and calls. */
    private long stored() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select (select count(*) from inbound_message) + (select count(*) from voice_call)")
                .getSingleResult()).longValue());
    }
}
