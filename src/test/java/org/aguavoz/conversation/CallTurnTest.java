package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How the dialogue's prompts become what a caller hears, before any TwiML. */
class CallTurnTest {

    private static final VoiceFlow FLOW = flow();

    @Test
    void placeholdersAreFilledAndTextIsSaidInTheLanguagesVoice() {
        CallTurn turn = new CallTurn.Builder(FLOW)
                .hear(new Prompt(List.of(Prompt.Part.say("Su reporte {reference} está {status}."))), "es",
                        Map.of("reference", CallDialogue.digits("4821"), "status", "abierto"))
                .hangUp();
        assertEquals(new CallTurn(List.of(new CallTurn.Say("Su reporte 4, 8, 2, 1 está abierto.",
                Optional.of("Polly.Mia"), Optional.of("es-MX"))), new CallTurn.HangUp()), turn);
    }

    @Test
    void aLanguageWithoutAVoicePlaysItsAudioAndHasItsTextSaidByTheVoiceOfItsSayWith() {
        CallTurn turn = new CallTurn.Builder(FLOW)
                .hear(new Prompt(List.of(Prompt.Part.say("{community}"), Prompt.Part.play("tzo/confirmar.wav"))), "tzo",
                        Map.of("community", "Los Ángeles"))
                .gather(false);
        assertEquals(List.of(new CallTurn.Say("Los Ángeles", Optional.of("Polly.Mia"), Optional.of("es-MX")),
                new CallTurn.Play("tzotzil", "tzo/confirmar.wav")), turn.heard());
    }

    @Test
    void oneKeyOrACodeEndingInPoundOrARecording() {
        CallTurn.Builder nothingHeard = new CallTurn.Builder(FLOW);
        assertEquals(new CallTurn.Gather(Optional.of(1), Optional.empty(), 6), nothingHeard.gather(false).next());
        assertEquals(new CallTurn.Gather(Optional.empty(), Optional.of("#"), 10), nothingHeard.gather(true).next());
        assertEquals(new CallTurn.Record(60), nothingHeard.record(60).next());
    }

    private static VoiceFlow flow() {
        Map<String, VoiceFlow.Language> languages = new LinkedHashMap<>();
        languages.put("es", new VoiceFlow.Language("es", Optional.of("Polly.Mia"), Optional.of("es-MX"),
                Optional.empty(), "es"));
        languages.put("tzo", new VoiceFlow.Language("tzo", Optional.empty(), Optional.empty(), Optional.of("es"),
                "es"));
        return new VoiceFlow("tzotzil", languages, "report", Map.of(), Map.of(), Map.of());
    }
}
