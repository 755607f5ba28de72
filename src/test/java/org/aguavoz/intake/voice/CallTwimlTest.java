package org.aguavoz.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.aguavoz.conversation.CallTurn;
import org.junit.jupiter.api.Test;

/** Turns of a call rendered as TwiML, compared whole: any change to what Twilio receives shows here. */
class CallTwimlTest {

    private static final String URL = "https://agua.example.mx";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final CallTurn.Say MIA = new CallTurn.Say("Comunidad Ejido Plan de Ayala.", Optional.of("Polly.Mia"),
            Optional.of("es-MX"));
    private static final String SAID =
            "<Say language=\"es-MX\" voice=\"Polly.Mia\">Comunidad Ejido Plan de Ayala.</Say>";
    private static final CallTurn.Play CONFIRM = new CallTurn.Play("tzotzil-example", "tzo/confirmar.wav");
    private static final String PLAYED = "<Play>" + URL + "/ivr-audio/tzotzil-example/tzo/confirmar.wav</Play>";

    @Test
    void aGatherForOneKeyHoldsWhatIsHeardAndIsFollowedByARedirectToTheSameTurn() {
        CallTurn turn = new CallTurn(List.of(MIA, CONFIRM), new CallTurn.Gather(Optional.of(1), Optional.empty(), 6));
        assertEquals(XML + "<Response><Gather action=\"" + URL + "/twilio/voice/step?turn=3\" input=\"dtmf\""
                + " method=\"POST\" numDigits=\"1\" timeout=\"6\">" + SAID + PLAYED + "</Gather>"
                + "<Redirect method=\"POST\">" + URL + "/twilio/voice/step?turn=3</Redirect></Response>",
                CallTwiml.render(turn, URL, 3));
    }

    @Test
    void aGatherUntilPound() {
        CallTurn turn = new CallTurn(List.of(CONFIRM), new CallTurn.Gather(Optional.empty(), Optional.of("#"), 10));
        assertEquals(XML + "<Response><Gather action=\"" + URL + "/twilio/voice/step?turn=2\" finishOnKey=\"#\""
                + " input=\"dtmf\" method=\"POST\" timeout=\"10\">" + PLAYED + "</Gather>"
                + "<Redirect method=\"POST\">" + URL + "/twilio/voice/step?turn=2</Redirect></Response>",
                CallTwiml.render(turn, URL, 2));
    }

    @Test
    void aRecordingAfterTheBeepIsFollowedByARedirectForWhenNothingWasRecorded() {
        CallTurn turn = new CallTurn(List.of(MIA), new CallTurn.Record(60));
        assertEquals(XML + "<Response>" + SAID + "<Record action=\"" + URL + "/twilio/voice/recorded?turn=5\""
                + " finishOnKey=\"#\" maxLength=\"60\" method=\"POST\" playBeep=\"true\" timeout=\"5\"/>"
                + "<Redirect method=\"POST\">" + URL + "/twilio/voice/recorded?turn=5</Redirect></Response>",
                CallTwiml.render(turn, URL, 5));
    }

    @Test
    void aHangUpAfterWhatIsHeardOrAtOnce() {
        assertEquals(XML + "<Response>" + SAID + "<Hangup/></Response>",
                CallTwiml.render(new CallTurn(List.of(MIA), new CallTurn.HangUp()), URL, 7));
        assertEquals(XML + "<Response><Hangup/></Response>",
                CallTwiml.render(new CallTurn(List.of(), new CallTurn.HangUp()), URL, 7));
    }

    @Test
    void textWithoutAVoiceOrLanguageIsSaidInTwiliosDefault() {
        CallTurn turn = new CallTurn(List.of(new CallTurn.Say("Hola.", Optional.empty(), Optional.empty())),
                new CallTurn.HangUp());
        assertEquals(XML + "<Response><Say>Hola.</Say><Hangup/></Response>", CallTwiml.render(turn, URL, 1));
    }
}
