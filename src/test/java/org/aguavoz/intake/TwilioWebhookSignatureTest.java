package org.aguavoz.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The tests' signer must agree with Twilio before it can say anything about the app's check. */
class TwilioWebhookSignatureTest {

    @Test
    void signsLikeTwilio() {
        // Value from shared/fixtures/twilio/README.md, computed there and checked with openssl.
        assertEquals("fZoOE5xpGv2RkS/1uv+7o0d8q38=", TwilioWebhook.sign(
                "https://agencia.example.mx/twilio/sms/incoming",
                TwilioWebhook.fixture("sms/incoming-plain.form"),
                "0123456789abcdef0123456789abcdef"));
    }
}
