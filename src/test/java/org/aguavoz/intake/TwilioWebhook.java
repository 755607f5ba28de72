package org.aguavoz.intake;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.response.Response;

/**
 * Posts recorded Twilio webhooks (src/test/resources/twilio/…) the way Twilio does: the form body as Twilio
 * encodes it, signed for the public URL with the test auth token. The signature is computed here from Twilio's
 * published algorithm, independently of the SDK the app checks it with.
 */
public final class TwilioWebhook {

    public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    public static final String ACCOUNT_SID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public static final String PUBLIC_URL = "https://agua.example.mx";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each test gets its own villager, so per-phone state (language, community, flood count) never leaks. */
    private static final AtomicInteger NEXT_PHONE = new AtomicInteger(1000);

    private TwilioWebhook() {
    }

    /** A recorded webhook body, as name → value in Twilio's order. */
    public static Map<String, String> fixture(String path) {
        try (InputStream in = TwilioWebhook.class.getResourceAsStream("/twilio/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return params;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plain recorded SMS, with a fresh MessageSid, the given sender and text. */
    public static Map<String, String> sms(String from, String body) {
        Map<String, String> params = fixture("sms/incoming-plain.form");
        String sid = freshSid("SM");
        params.put("MessageSid", sid);
        params.put("SmsMessageSid", sid);
        params.put("SmsSid", sid);
        params.put("From", from);
        params.put("Body", body);
        return params;
    }

    public static String freshSid(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** A Mexican mobile number nobody else in this test run uses. */
    public static String freshVillager() {
        return "+52961555" + NEXT_PHONE.incrementAndGet();
    }

    /** Sends a signed SMS webhook and returns the TwiML reply's text (null when AguaVoz stays silent). */
    public static String smsReply(String from, String body) {
        Response response = post("/twilio/sms", sms(from, body));
        response.then().statusCode(200);
        String reply = response.xmlPath().getString("Response.Message.Body");
        return reply == null || reply.isEmpty() ? null : reply;
    }

    /** The reference in "reporte 4821 recibido" / "report 4821 received". */
    public static String referenceIn(String reply) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("(?:reporte|report) ([0-9]{4,6}) (?:recibido|received)").matcher(String.valueOf(reply));
        if (!matcher.find()) {
            throw new AssertionError("no reference in: " + reply);
        }
        return matcher.group(1);
    }

    public static Response post(String path, Map<String, String> params) {
        return post(path, params, sign(PUBLIC_URL + path, params, AUTH_TOKEN));
    }

    public static Response post(String path, Map<String, String> params, String signature) {
        var request = given().contentType("application/x-www-form-urlencoded").body(encode(params));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return request.post(path);
    }

    /** Form encoding as Twilio sends it: UTF-8, spaces as '+'. */
    public static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** URL, then each parameter name+value sorted by name, HMAC-SHA1 with the auth token, base64. */
    public static String sign(String url, Map<String, String> params, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
