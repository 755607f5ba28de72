package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only Twilio, signing for our public URL with our token and our account, gets in; nothing else is stored. */
@QuarkusTest
class SmsWebhookSecurityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        no signature                                  | none
        a signature of other parameters               | tampered
        signed with another auth token                | other-token
        signed for the URL this instance sees         | local-url
        signed for the public URL without the path    | no-path
        signed correctly, but for another account     | other-account
        """)
    void refusesAndStoresNothing(String description, String attack) {
        Map<String, String> params = TwilioWebhook.sms(TwilioWebhook.freshVillager(), "101 sin agua");
        String url = TwilioWebhook.PUBLIC_URL + "/twilio/sms";
        String signature = switch (attack) {
            case "none" -> null;
            case "tampered" -> {
                String good = TwilioWebhook.sign(url, params, TwilioWebhook.AUTH_TOKEN);
                params.put("Body", "101 sin agua (cambiado)");
                yield good;
            }
            case "other-token" -> TwilioWebhook.sign(url, params, "fedcba9876543210fedcba9876543210");
            case "local-url" -> TwilioWebhook.sign("http://localhost:8081/twilio/sms", params, TwilioWebhook.AUTH_TOKEN);
            case "no-path" -> TwilioWebhook.sign(TwilioWebhook.PUBLIC_URL, params, TwilioWebhook.AUTH_TOKEN);
            case "other-account" -> {
                params.put("AccountSid", "AC" + "b".repeat(32));
                yield TwilioWebhook.sign(url, params, TwilioWebhook.AUTH_TOKEN);
            }
            default -> throw new IllegalArgumentException(attack);
        };

        TwilioWebhook.post("/twilio/sms", params, signature).then().statusCode(403);

        assertEquals(0, SmsWebhookTest.inboundCount(params.get("MessageSid")));
    }
}
