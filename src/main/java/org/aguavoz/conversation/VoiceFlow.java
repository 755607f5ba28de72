package org.aguavoz.conversation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aguavoz.tickets.Category;

/**
 * A voice menu, read from a flow file of ivr-flows/ and validated at start-up by the voice intake (its FlowFiles).
 * The steps' types are what {@link CallDialogue} knows how to do; the file decides their order, prompts and digits.
 * See ivr-flows/README.md.
 */
public record VoiceFlow(String name, Map<String, Language> languages, String start, Map<String, Step> steps,
        Map<String, Prompt> invalid, Map<String, Prompt> goodbye) {

    /**
     * A language of the flow. With a Twilio {@code voice}, text is spoken by it; without one (a language that text to
     * speech does not have, like Tzotzil) every prompt is recorded audio, and the numbers and names AguaVoz fills in
     * are spoken by the voice of {@code sayWith}. {@code sms}: the language of the SMS the caller gets.
     */
    public record Language(String code, Optional<String> voice, Optional<String> sayLanguage, Optional<String> sayWith,
            String sms) {
    }

    public enum StepType {
        /** Choose the language; choices set it. Each language's prompt is played in that language. */
        LANGUAGE,
        /** Choose by digit; choices may set the category or anonymity. */
        MENU,
        /** Confirm the remembered community, or key in its code followed by #, read back for confirmation. */
        COMMUNITY,
        /** Record what happens (up to maxSeconds). */
        RECORD,
        /** Open the ticket, read the reference twice, send the SMS confirmation, hang up. */
        REPORT,
        /** Read the status of the caller's latest report, hang up. */
        STATUS
    }

    public record Choice(String digit, String next, Optional<String> language, Optional<Category> category,
            Optional<Boolean> anonymous) {
    }

    /**
     * One step. {@code prompts} by role then language: "prompt" for most types; COMMUNITY has "confirm", "enter",
     * "readBack", "unknown"; STATUS has "found" and "none".
     */
    public record Step(String name, StepType type, Map<String, Map<String, Prompt>> prompts, List<Choice> choices,
            Optional<String> next, int maxSeconds) {

        public Map<String, Prompt> prompt(String role) {
            return prompts.getOrDefault(role, Map.of());
        }
    }

    /** The prompt roles each step type must have, for every language of the flow: the ones the dialogue plays. */
    public static List<String> requiredPrompts(StepType type) {
        return switch (type) {
            case COMMUNITY -> List.of("confirm", "enter", "readBack", "unknown");
            case STATUS -> List.of("found", "none");
            default -> List.of("prompt");
        };
    }

    public Step step(String name) {
        return steps.get(name);
    }
}
