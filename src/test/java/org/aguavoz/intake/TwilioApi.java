package org.aguavoz.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.WireMock;

/** Twilio's Messages REST endpoint as WireMock plays it in tests. */
public final class TwilioApi {

    public static final String MESSAGES = "/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID + "/Messages.json";

    private TwilioApi() {
    }

    /** The bodies of the SMS Twilio was asked to send to this phone, oldest first. */
    public static java.util.List<String> sentTo(WireMock wiremock, String phone) {
        return wiremock.find(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo(MESSAGES))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                                "To=" + phone.replace("+", "%2B"))))
                .stream()
                .map(r -> r.getBodyAsString().replaceAll(".*(?:^|&)Body=([^&]*).*", "$1"))
                .map(body -> java.net.URLDecoder.decode(body, java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    /** Every send is accepted, each with a SID of its own (as from Twilio), at low priority so tests can override. */
    public static void acceptEverySms(WireMock wiremock) {
        wiremock.register(post(urlEqualTo(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM{{randomValue length=32 type='HEXADECIMAL'}}\", \"status\": \"queued\"}")
                .withTransformers("response-template")));
    }
}
