package org.aguavoz.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dialogue says and does at one turn of a call, whatever carries the call: what the caller hears, in order,
 * then what happens next. The voice intake renders it as TwiML.
 */
public record CallTurn(List<Heard> heard, Next next) {

    /** One thing the caller hears. */
    public sealed interface Heard permits Say, Play {
    }

    /** Text for text-to-speech, in a voice and language of the flow file ("Polly.Mia", "es-MX"), when it names them. */
    public record Say(String text, Optional<String> voice, Optional<String> language) implements Heard {
    }

    /** A recorded audio file of a flow, by its path in the flows' audio directory. */
    public record Play(String flow, String file) implements Heard {
    }

    /** What happens once the caller has heard everything. */
    public sealed interface Next permits Gather, Record, HangUp {
    }

    /**
     * Wait for keys: {@code numDigits} of them, or until {@code finishOnKey}. No key at all within
     * {@code timeoutSeconds} comes back as a turn without keys.
     */
    public record Gather(Optional<Integer> numDigits, Optional<String> finishOnKey, int timeoutSeconds)
            implements Next {
    }

    /** Record the caller's words, up to {@code maxSeconds}. */
    public record Record(int maxSeconds) implements Next {
    }

    public record HangUp() implements Next {
    }

    /** The turn being put together: prompts are added in order, then one of gather, record or hang up ends it. */
    static final class Builder {

        private final VoiceFlow flow;
        private final List<Heard> heard = new ArrayList<>();

        Builder(VoiceFlow flow) {
            this.flow = flow;
        }

        /**
         * Adds a prompt in a language of the flow, with its placeholders filled. A language without a voice of its own
         * (Tzotzil) has the text it holds, the names and numbers AguaVoz fills in, said in the voice of its sayWith.
         */
        Builder hear(Prompt prompt, String language, Map<String, String> values) {
            VoiceFlow.Language lang = flow.languages().get(language);
            VoiceFlow.Language speaker = lang.voice().isPresent() ? lang
                    : flow.languages().get(lang.sayWith().orElseThrow());
            for (Prompt.Part part : prompt.parts()) {
                heard.add(part.play() != null ? new Play(flow.name(), part.play())
                        : new Say(fill(part.say(), values), speaker.voice(), speaker.sayLanguage()));
            }
            return this;
        }

        /** One key; or, with {@code untilPound}, several ending in # (a community code takes longer to key in). */
        CallTurn gather(boolean untilPound) {
            return new CallTurn(List.copyOf(heard), untilPound ? new Gather(Optional.empty(), Optional.of("#"), 10)
                    : new Gather(Optional.of(1), Optional.empty(), 6));
        }

        CallTurn record(int maxSeconds) {
            return new CallTurn(List.copyOf(heard), new Record(maxSeconds));
        }

        CallTurn hangUp() {
            return new CallTurn(List.copyOf(heard), new HangUp());
        }

        private static String fill(String text, Map<String, String> values) {
            String filled = text;
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace("{" + value.getKey() + "}", value.getValue());
            }
            return filled;
        }
    }
}
