package org.aguavoz.intake.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.communities.Communities;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.NewTicket;
import org.aguavoz.tickets.OpenTicket;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.Tickets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Staff hear a caller's recording; AguaVoz fetches it from Twilio (WireMock) with the account's credentials. */
@QuarkusTest
@ConnectWireMock
class RecordingResourceTest {

    private static final byte[] AUDIO = "ID3\u0004\u0000 not really an mp3, but these exact bytes".getBytes(StandardCharsets.ISO_8859_1);
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (TwilioWebhook.ACCOUNT_SID + ":" + TwilioWebhook.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));

    WireMock wiremock;

    @Inject
    OpenTicket openTicket;

    @Inject
    Communities communities;

    @Inject
    Tickets tickets;

    private String code;

    @BeforeEach
    void aCommunity() {
        code = TestCommunities.create("San Isidro");
    }

    @Test
    void adminAndStaffHearTheRecordingFetchedWithTheAccountsCredentials() {
        String sid = freshSid();
        String reference = withRecording(open(Category.OUTAGE, false), sid, "https://api.twilio.com/whatever.mp3");
        twilioHas(sid);

        for (RequestSpecification who : new RequestSpecification[] {TestStaff.asAdmin(), TestStaff.asStaff()}) {
            byte[] body = who.get("/api/v1/tickets/{r}/recording", reference).then()
                    .statusCode(200)
                    .contentType("audio/mpeg")
                    .extract().asByteArray();
            assertArrayEquals(AUDIO, body);
        }
        wiremock.verify(2, getRequestedFor(urlEqualTo(mp3(sid))).withHeader("Authorization", WireMock.equalTo(BASIC)));
    }

    @Test
    void viewersAndStrangersMayNotListen() {
        String sid = freshSid();
        String reference = withRecording(open(Category.LEAK, false), sid, null);
        twilioHas(sid);

        TestStaff.asViewer().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(403);
        RestAssured.given().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(401);
        wiremock.verify(0, getRequestedFor(urlEqualTo(mp3(sid))));
    }

    @Test
    void integrityAndAnonymousCallersAreHeardByAdministratorsOnly() {
        for (boolean anonymous : new boolean[] {false, true}) {
            String sid = freshSid();
            String reference = withRecording(open(Category.INTEGRITY, anonymous), sid, null);
            twilioHas(sid);

            TestStaff.asStaff().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("administrator"));
            wiremock.verify(0, getRequestedFor(urlEqualTo(mp3(sid))));
            byte[] body = TestStaff.asAdmin().get("/api/v1/tickets/{r}/recording", reference).then()
                    .statusCode(200).contentType("audio/mpeg").extract().asByteArray();
            assertArrayEquals(AUDIO, body);
        }
    }

    @Test
    void aTicketWithoutRecordingOrAnUnknownTicketIsNotFound() {
        String reference = open(Category.OUTAGE, false);
        TestStaff.asStaff().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", Matchers.equalTo("ticket " + reference + " has no recording"));
        TestStaff.asStaff().get("/api/v1/tickets/0999/recording").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", Matchers.equalTo("no ticket with reference 0999"));
        TestStaff.asStaff().get("/api/v1/tickets/12x/recording").then().statusCode(400)
                .body("errors[0].field", Matchers.equalTo("reference"));
    }

    @ParameterizedTest(name = "Twilio {0} -> 502")
    @ValueSource(ints = {404, 500})
    void anErrorFromTwilioIsABadGateway(int twilioStatus) {
        String sid = freshSid();
        String reference = withRecording(open(Category.QUALITY, false), sid, null);
        wiremock.register(get(urlEqualTo(mp3(sid))).willReturn(aResponse().withStatus(twilioStatus)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 20404, \"message\": \"The requested resource was not found\", \"status\": " + twilioStatus + "}")));

        TestStaff.asAdmin().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(502)
                .contentType("application/problem+json")
                .body("status", Matchers.equalTo(502))
                .body("detail", Matchers.equalTo("Twilio answered " + twilioStatus + " for recording " + sid));
    }

    @Test
    void twilioUnreachableIsABadGateway() {
        String sid = freshSid();
        String reference = withRecording(open(Category.QUALITY, false), sid, null);
        wiremock.register(get(urlEqualTo(mp3(sid))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TestStaff.asAdmin().get("/api/v1/tickets/{r}/recording", reference).then().statusCode(502)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot reach Twilio"));
    }

    @Test
    void theStoredRecordingUrlIsNeverFetched() {
        String sid = freshSid();
        String elsewhere = "/elsewhere/" + sid + ".mp3";
        String reference = withRecording(open(Category.OUTAGE, false), sid, apiUrl() + elsewhere);
        twilioHas(sid);
        wiremock.register(get(urlEqualTo(elsewhere)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody("wrong audio")));

        byte[] body = TestStaff.asAdmin().get("/api/v1/tickets/{r}/recording", reference).then()
                .statusCode(200).extract().asByteArray();
        assertArrayEquals(AUDIO, body);
        wiremock.verify(1, getRequestedFor(urlEqualTo(mp3(sid))));
        wiremock.verify(0, anyRequestedFor(urlPathMatching("/elsewhere/.*")));
    }

    @Test
    void aRedirectFromTwilioIsFollowedWithoutTheCredentials() {
        String sid = freshSid();
        String reference = withRecording(open(Category.OUTAGE, false), sid, null);
        String storage = "/storage/" + sid;
        wiremock.register(get(urlEqualTo(mp3(sid))).willReturn(aResponse().withStatus(302).withHeader("Location", storage)));
        wiremock.register(get(urlEqualTo(storage)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(AUDIO)));

        byte[] body = TestStaff.asStaff().get("/api/v1/tickets/{r}/recording", reference).then()
                .statusCode(200).contentType("audio/mpeg").extract().asByteArray();
        assertArrayEquals(AUDIO, body);
        wiremock.verify(1, getRequestedFor(urlEqualTo(mp3(sid))).withHeader("Authorization", WireMock.equalTo(BASIC)));
        wiremock.verify(1, getRequestedFor(urlEqualTo(storage)).withHeader("Authorization", absent()));
    }

    private void twilioHas(String sid) {
        wiremock.register(get(urlEqualTo(mp3(sid))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(AUDIO)));
    }

    private static String mp3(String sid) {
        return "/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID + "/Recordings/" + sid + ".mp3";
    }

    private static String freshSid() {
        return "RE" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String apiUrl() {
        return ConfigProvider.getConfig().getValue("twilio.api-url", String.class);
    }

    private String open(Category category, boolean anonymous) {
        return QuarkusTransaction.requiringNew().call(() -> openTicket.open(new NewTicket(
                communities.byCode(code).orElseThrow(), category, Channel.VOICE, new PhoneNumber(TwilioWebhook.freshVillager()),
                "grabación de prueba", anonymous, "es"), Actor.reporter(Channel.VOICE)).ticket().reference);
    }

    private String withRecording(String reference, String sid, String url) {
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = tickets.byReference(reference).orElseThrow();
            ticket.recordingSid = sid;
            ticket.recordingUrl = url == null ? apiUrl() + mp3(sid).replace(".mp3", "") : url;
            ticket.recordingSeconds = 12;
        });
        return reference;
    }
}
