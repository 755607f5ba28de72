package org.aguavoz.intake.voice;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.twilio.twiml.voice.Say;

/**
 * Twilio's {@code <Say>} voices and languages by the names flow files use ("Polly.Mia", "es-MX"): one lookup table,
 * built once, for checking flows at start-up and for every prompt of every call.
 */
final class TwilioVoices {

    private static final Map<String, Say.Voice> VOICES = Arrays.stream(Say.Voice.values())
            .collect(Collectors.toMap(Say.Voice::toString, Function.identity(), (a, b) -> a));
    private static final Map<String, Say.Language> LANGUAGES = Arrays.stream(Say.Language.values())
            .collect(Collectors.toMap(Say.Language::toString, Function.identity(), (a, b) -> a));

    private TwilioVoices() {
    }

    static Optional<Say.Voice> voice(String name) {
        return Optional.ofNullable(VOICES.get(name));
    }

    static Optional<Say.Language> language(String name) {
        return Optional.ofNullable(LANGUAGES.get(name));
    }
}
