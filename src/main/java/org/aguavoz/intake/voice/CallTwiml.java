package org.aguavoz.intake.voice;

import java.util.List;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import org.aguavoz.conversation.CallTurn;

/**
 * One turn of a call as TwiML, built with the Twilio SDK's VoiceResponse: what the caller hears, then what Twilio
 * does next (wait for keys, record, hang up). Every URL carries the turn it answers, so a repeated webhook is
 * recognised.
 */
final class CallTwiml {

    private final String baseUrl;
    private final int nextTurn;

    private CallTwiml(String publicUrl, int nextTurn) {
        this.baseUrl = publicUrl;
        this.nextTurn = nextTurn;
    }

    static String render(CallTurn turn, String publicUrl, int nextTurn) {
        return new CallTwiml(publicUrl, nextTurn).render(turn);
    }

    private String render(CallTurn turn) {
        List<TwiML> heard = turn.heard().stream().map(this::heard).toList();
        if (turn.next() instanceof CallTurn.Gather gather) {
            return gather(heard, gather);
        }
        if (turn.next() instanceof CallTurn.Record record) {
            return record(heard, record.maxSeconds());
        }
        return heardSoFar(heard).hangup(new Hangup.Builder().build()).build().toXml();
    }

    private TwiML heard(CallTurn.Heard heard) {
        if (heard instanceof CallTurn.Play play) {
            return new Play.Builder(baseUrl + "/ivr-audio/" + play.flow() + "/" + play.file()).build();
        }
        CallTurn.Say text = (CallTurn.Say) heard;
        Say.Builder say = new Say.Builder(text.text());
        text.voice().flatMap(TwilioVoices::voice).ifPresent(say::voice);
        text.language().flatMap(TwilioVoices::language).ifPresent(say::language);
        return say.build();
    }

    /** No key at all comes back as a turn without Digits, through the redirect that follows the gather. */
    private String gather(List<TwiML> heard, CallTurn.Gather keys) {
        Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).action(url("step"))
                .method(HttpMethod.POST).timeout(keys.timeoutSeconds());
        keys.finishOnKey().ifPresent(gather::finishOnKey);
        keys.numDigits().ifPresent(gather::numDigits);
        for (TwiML element : heard) {
            if (element instanceof Say say) {
                gather.say(say);
            } else {
                gather.play((Play) element);
            }
        }
        return new VoiceResponse.Builder().gather(gather.build()).redirect(redirect("step")).build().toXml();
    }

    /** Records after a beep; an empty recording makes Twilio skip the action, so a redirect follows. */
    private String record(List<TwiML> heard, int maxSeconds) {
        VoiceResponse.Builder response = heardSoFar(heard);
        response.record(new Record.Builder().action(url("recorded")).method(HttpMethod.POST).maxLength(maxSeconds)
                .finishOnKey("#").playBeep(true).timeout(5).build());
        return response.redirect(redirect("recorded")).build().toXml();
    }

    private static VoiceResponse.Builder heardSoFar(List<TwiML> heard) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        for (TwiML element : heard) {
            if (element instanceof Say say) {
                response.say(say);
            } else {
                response.play((Play) element);
            }
        }
        return response;
    }

    private Redirect redirect(String path) {
        return new Redirect.Builder(url(path)).method(HttpMethod.POST).build();
    }

    private String url(String path) {
        return baseUrl + "/twilio/voice/" + path + "?turn=" + nextTurn;
    }
}
