package org.aguavoz.conversation;

import java.util.List;

/**
 * What a caller hears at one point of a flow, in one language: parts said by text-to-speech or played from an
 * audio file of ivr-flows/audio/. Said text may hold placeholders ({community}, {reference}, {status}, {code}).
 */
public record Prompt(List<Part> parts) {

    /** Exactly one of the two is set. */
    public record Part(String say, String play) {

        public static Part say(String text) {
            return new Part(text, null);
        }

        public static Part play(String audioFile) {
            return new Part(null, audioFile);
        }
    }
}
