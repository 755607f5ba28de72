package org.aguavoz.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import org.aguavoz.intake.TwilioWebhook;

/**
 * One phone call played as Twilio plays it: the recorded voice webhooks (src/test/resources/twilio/voice/) with
 * this call's CallSid and caller, signed, in order. Each answer is TwiML, parsed as XML.
 */
public final class TestCall {

    final String callSid = TwilioWebhook.freshSid("CA");
    final String caller;
    private int turn;

    public TestCall(String caller) {
        this.caller = caller;
    }

    /** The number's voice webhook: the call comes in. */
    public XmlPath ring() {
        return twiml(post("/twilio/voice", "voice/incoming-call.form", Map.of("CallStatus", "ringing")));
    }

    /** Keys pressed at the current gather (with # at the end when the gather waits for it). */
    public XmlPath press(String digits) {
        turn++;
        return twiml(post("/twilio/voice/step?turn=" + turn, "voice/gather-digits.form",
                Map.of("Digits", digits, "FinishedOnKey", digits.endsWith("#") ? "#" : "")));
    }

    /** The caller pressed nothing: Twilio follows the redirect after the gather, without Digits. */
    public XmlPath silence() {
        turn++;
        Map<String, String> params = TwilioWebhook.fixture("voice/gather-digits.form");
        params.remove("Digits");
        params.remove("FinishedOnKey");
        params.remove("msg");
        return twiml(send("/twilio/voice/step?turn=" + turn, params));
    }

    /** The recording ended with # (the caller is still on the line) or with a hang-up. */
    public XmlPath recorded(String recordingSid, boolean hungUp) {
        turn++;
        return twiml(post("/twilio/voice/recorded?turn=" + turn, "voice/record-action.form", Map.of(
                "RecordingSid", recordingSid,
                "RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID + "/Recordings/" + recordingSid,
                "Digits", hungUp ? "hangup" : "#",
                "CallStatus", hungUp ? "completed" : "in-progress")));
    }

    /** The same webhook as the last one, again (Twilio retrying). */
    Response repeatLastPress(String digits) {
        return post("/twilio/voice/step?turn=" + turn, "voice/gather-digits.form",
                Map.of("Digits", digits, "FinishedOnKey", ""));
    }

    /** The number's status callback: the call is over. */
    public void hangUp() {
        post("/twilio/voice/status", "voice/status-completed.form", Map.of()).then().statusCode(204);
    }

    int turn() {
        return turn;
    }

    Response post(String path, String fixture, Map<String, String> overrides) {
        Map<String, String> params = TwilioWebhook.fixture(fixture);
        params.putAll(overrides);
        return send(path, params);
    }

    private Response send(String path, Map<String, String> params) {
        params.put("CallSid", callSid);
        params.put("From", caller);
        params.put("Caller", caller);
        return TwilioWebhook.post(path, params);
    }

    private static XmlPath twiml(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        return new XmlPath(response.asString());
    }
}
