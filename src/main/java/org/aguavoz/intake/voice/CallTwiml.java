package org.aguavoz.intake.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;
import org.aguavoz.conversation.Prompt;
import org.aguavoz.conversation.VoiceFlow;

/**
 * Builds the TwiML of one turn of a call with the Twilio SDK's VoiceResponse: what the caller hears, then what
 * Twilio does next (wait for keys, record, hang up). Every URL carries the turn it answers, so a repeated webhook
 * is recognised.
 */
final class CallTwiml {

    private final VoiceFlow flow;
    private final String baseUrl;
    private final int nextTurn;
    private final List<TwiML> heard = new ArrayList<>();

    CallTwiml(VoiceFlow flow, String publicUrl, int nextTurn) {
        this.flow = flow;
        this.baseUrl = publicUrl;
        this.nextTurn = nextTurn;
    }

    /** Adds a prompt in a language, with its placeholders filled ({reference} is read digit by digit). */
    CallTwiml hear(Prompt prompt, String language, Map<String, String> values) {
        VoiceFlow.Language lang = flow.languages().get(language);
        VoiceFlow.Language speaker = lang.voice().isPresent() ? lang : flow.languages().get(lang.sayWith().orElseThrow());
        for (Prompt.Part part : prompt.parts()) {
            if (part.play() != null) {
                heard.add(new Play.Builder(baseUrl + "/ivr-audio/" + flow.name() + "/" + part.play()).build());
            } else {
                Say.Builder say = new Say.Builder(fill(part.say(), values));
                speaker.voice().flatMap(TwilioVoices::voice).ifPresent(say::voice);
                speaker.sayLanguage().flatMap(TwilioVoices::language).ifPresent(say::language);
                heard.add(say.build());
            }
        }
        return this;
    }

    /** Waits for one key (or, with {@code untilPound}, several ending in #); no key at all comes back as a turn without Digits. */
    String gather(boolean untilPound) {
        Gather.Builder gather = new Gather.Builder().inputs(Gather.Input.DTMF).action(url("step")).method(HttpMethod.POST)
                .timeout(untilPound ? 10 : 6);
        if (untilPound) {
            gather.finishOnKey("#");
        } else {
            gather.numDigits(1);
        }
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
    String record(int maxSeconds) {
        VoiceResponse.Builder response = heardSoFar();
        response.record(new Record.Builder().action(url("recorded")).method(HttpMethod.POST).maxLength(maxSeconds)
                .finishOnKey("#").playBeep(true).timeout(5).build());
        return response.redirect(redirect("recorded")).build().toXml();
    }

    String hangUp() {
        return heardSoFar().hangup(new Hangup.Builder().build()).build().toXml();
    }

    private VoiceResponse.Builder heardSoFar() {
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

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    /** "4821" → "4, 8, 2, 1": text-to-speech reads each digit with a pause, not "four thousand…". */
    static String digits(String number) {
        return String.join(", ", number.split(""));
    }
}
