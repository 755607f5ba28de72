package org.aguavoz.intake.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aguavoz.conversation.Prompt;
import org.aguavoz.conversation.VoiceFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flow files: a small valid flow, then one broken flow per row (the valid flow with one thing changed) and the exact
 * one-line message it stops start-up with.
 */
class FlowFilesTest {

    private static final String FILE = "ivr-flows/broken.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** es + en; language → community → category → record → report, and status by digit 9. */
    private static final String VALID = """
            {
              "languages": {
                "es": {"voice": "Polly.Mia", "sayLanguage": "es-MX", "sms": "es"},
                "en": {"voice": "Polly.Joanna", "sayLanguage": "en-US", "sms": "en"}
              },
              "start": "language",
              "steps": {
                "language": {
                  "type": "language",
                  "prompt": {"es": "Para español oprima 1. Su reporte, 9.", "en": "For English press 2."},
                  "choices": [
                    {"digit": "1", "language": "es", "next": "community"},
                    {"digit": "2", "language": "en", "next": "community"},
                    {"digit": "9", "next": "status"}
                  ]
                },
                "community": {
                  "type": "community",
                  "confirm": {"es": "¿{community}? 1 sí, 2 no.", "en": "{community}? 1 yes, 2 no."},
                  "enter": {"es": "Marque su comunidad y gato.", "en": "Enter your community, then pound."},
                  "readBack": {"es": "Comunidad {community}. 1 sí, 2 no.", "en": "Community {community}. 1 yes, 2 no."},
                  "unknown": {"es": "No encontramos {code}.", "en": "We could not find {code}."},
                  "next": "category"
                },
                "category": {
                  "type": "menu",
                  "prompt": {"es": "Sin agua 1, fuga 2.", "en": "No water 1, a leak 2."},
                  "choices": [
                    {"digit": "1", "category": "outage", "next": "record"},
                    {"digit": "2", "category": "leak", "next": "record"}
                  ]
                },
                "record": {
                  "type": "record",
                  "prompt": {"es": "Después del tono, diga qué pasa.", "en": "After the tone, say what happens."},
                  "maxSeconds": 60,
                  "next": "report"
                },
                "report": {
                  "type": "report",
                  "prompt": {"es": "Su número es {reference}.", "en": "Your number is {reference}."}
                },
                "status": {
                  "type": "status",
                  "found": {"es": "Su reporte {reference} está {status}.", "en": "Your report {reference} is {status}."},
                  "none": {"es": "No hay reportes.", "en": "No reports."}
                }
              },
              "invalid": {"es": "No entendimos.", "en": "We did not understand."},
              "goodbye": {"es": "Hasta luego.", "en": "Goodbye."}
            }
            """;

    @TempDir
    Path audioDir;

    @Test
    void theSmallFlowIsValid() {
        VoiceFlow flow = FlowFiles.parse("small", FILE, VALID, audioDir);
        assertEquals("language", flow.start());
        assertEquals(List.of("es", "en"), List.copyOf(flow.languages().keySet()));
        assertEquals("status", flow.step("language").choices().get(2).next());
        assertEquals(2, flow.step("category").choices().size());
        assertEquals(Optional.of("report"), flow.step("record").next());
    }

    static Stream<Arguments> brokenFlows() {
        return Stream.of(
                // JSON itself
                row("not valid JSON: a missing comma",
                        replace("\"start\": \"language\",", "\"start\": \"language\""),
                        "not valid JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object"
                                + " entries (line 7, column 3)"),
                row("a key twice",
                        replace("\"start\": \"language\",", "\"start\": \"language\", \"start\": \"status\","),
                        "not valid JSON: Duplicate field 'start' (line 6, column 31)"),
                row("not a JSON object", json -> "[]",
                        "must be a JSON object with languages, start and steps"),
                row("an empty file", json -> "",
                        "must be a JSON object with languages, start and steps"),

                // start and next
                row("no start", edit(f -> f.remove("start")),
                        "\"start\" must name the first step"),
                row("a start step that does not exist", edit(f -> f.put("start", "welcome")),
                        "start step 'welcome' does not exist"),
                row("a choice's next step that does not exist", edit(f -> choice(f, "category", 1).put("next", "recording")),
                        "step 'category': next step 'recording' does not exist"),
                row("a community step's next that does not exist", edit(f -> step(f, "community").put("next", "menu")),
                        "step 'community': next step 'menu' does not exist"),
                row("a record step's next that does not exist", edit(f -> step(f, "record").put("next", "done")),
                        "step 'record': next step 'done' does not exist"),
                row("a community step without next", edit(f -> step(f, "community").remove("next")),
                        "step 'community': needs a next step"),
                row("a choice without next", edit(f -> choice(f, "category", 0).remove("next")),
                        "step 'category': choice 1 needs a next step"),
                row("a menu step with next", edit(f -> step(f, "category").put("next", "record")),
                        "step 'category': a menu step goes on by its choices, not next"),
                row("an unreachable step", edit(f -> steps(f).putObject("thanks").put("type", "report")
                                .putObject("prompt").put("es", "Gracias.").put("en", "Thanks.")),
                        "step 'thanks' cannot be reached from the start step 'language'"),

                // prompts
                row("a step without its prompt for a language", edit(f -> prompt(f, "record", "prompt").remove("en")),
                        "step 'record': no prompt for language 'en'"),
                row("a blank prompt", edit(f -> prompt(f, "record", "prompt").put("es", "  ")),
                        "step 'record': no prompt for language 'es'"),
                row("a community step without its readBack prompt for a language",
                        edit(f -> prompt(f, "community", "readBack").remove("es")),
                        "step 'community': no 'readBack' prompt for language 'es'"),
                row("a community step without readBack at all", edit(f -> step(f, "community").remove("readBack")),
                        "step 'community': no 'readBack' prompt for language 'es'"),
                row("a status step without its 'none' prompt", edit(f -> prompt(f, "status", "none").remove("en")),
                        "step 'status': no 'none' prompt for language 'en'"),
                row("no goodbye for a language", edit(f -> ((ObjectNode) f.get("goodbye")).remove("en")),
                        "no 'goodbye' prompt for language 'en'"),
                row("no invalid prompt at all", edit(f -> f.remove("invalid")),
                        "no 'invalid' prompt for language 'es'"),
                row("a prompt for a language the flow does not declare",
                        edit(f -> prompt(f, "report", "prompt").put("fr", "Votre numéro est {reference}.")),
                        "step 'report': a prompt for language 'fr', which the flow does not declare"),
                row("a prompt that is neither text nor audio", edit(f -> prompt(f, "report", "prompt").put("es", 42)),
                        "step 'report': a prompt for language 'es' must be text, {\"play\": \"file.mp3\"} or a list of these"),

                // audio
                row("a missing audio file",
                        edit(f -> prompt(f, "report", "prompt").putObject("es").put("play", "tzo/missing.wav")),
                        "step 'report': audio file 'tzo/missing.wav' (language 'es') is missing from the audio directory"),
                row("an audio path with ..",
                        edit(f -> prompt(f, "report", "prompt").putObject("es").put("play", "../secrets/key.wav")),
                        "step 'report': audio file '../secrets/key.wav' (language 'es') must be a relative path of"
                                + " letters, digits, - and _ ending in .mp3 or .wav"),
                row("an absolute audio path",
                        edit(f -> prompt(f, "report", "prompt").putObject("es").put("play", "/etc/hello.wav")),
                        "step 'report': audio file '/etc/hello.wav' (language 'es') must be a relative path of"
                                + " letters, digits, - and _ ending in .mp3 or .wav"),
                row("an audio file that is not mp3 or wav",
                        edit(f -> prompt(f, "report", "prompt").putObject("es").put("play", "tzo/report.ogg")),
                        "step 'report': audio file 'tzo/report.ogg' (language 'es') must be a relative path of"
                                + " letters, digits, - and _ ending in .mp3 or .wav"),

                // choices
                row("a digit used twice", edit(f -> choice(f, "category", 1).put("digit", "1")),
                        "step 'category': digit 1 is used twice"),
                row("a choice of two keys", edit(f -> choice(f, "category", 1).put("digit", "12")),
                        "step 'category': choice '12' is not a digit key (0-9)"),
                row("a choice on #", edit(f -> choice(f, "category", 1).put("digit", "#")),
                        "step 'category': choice '#' is not a digit key (0-9)"),
                row("a choice setting an undeclared language", edit(f -> choice(f, "language", 1).put("language", "fr")),
                        "step 'language': choice 2 sets language 'fr', which the flow does not declare"),
                row("a menu choice setting a language", edit(f -> choice(f, "category", 0).put("language", "en")),
                        "step 'category': choice 1 sets a language outside a language step"),
                row("a choice with an unknown category", edit(f -> choice(f, "category", 1).put("category", "flood")),
                        "step 'category': choice 2 has unknown category 'flood'"
                                + " (outage, quality, leak, billing, integrity, other)"),

                // steps
                row("an unknown step type", edit(f -> step(f, "record").put("type", "recording")),
                        "step 'record': unknown type 'recording' (language, menu, community, record, report, status)"),
                row("an unknown field in a step", edit(f -> step(f, "record").put("maxSecond", 30)),
                        "step 'record': unknown field 'maxSecond' for a record step"),
                row("a step that is not an object", edit(f -> steps(f).put("status", "status")),
                        "step 'status': must be a JSON object"),
                row("no report step", edit(f -> {
                    steps(f).remove("report");
                    step(f, "record").put("next", "status");
                }), "no step of type report: a call could never open a ticket"),
                row("a report step with next", edit(f -> step(f, "report").put("next", "status")),
                        "step 'report': ends the call, so it has no next step"),
                row("a menu step without choices", edit(f -> step(f, "category").remove("choices")),
                        "step 'category': needs choices: a list of {\"digit\": \"1\", \"next\": \"…\"}"),
                row("a menu step with an empty list of choices", edit(f -> step(f, "category").putArray("choices")),
                        "step 'category': needs choices: a list of {\"digit\": \"1\", \"next\": \"…\"}"),
                row("a record step with choices", edit(f -> step(f, "record").set("choices", step(f, "category").get("choices"))),
                        "step 'record': only language and menu steps have choices"),
                row("a record step of 1 second", edit(f -> step(f, "record").put("maxSeconds", 1)),
                        "step 'record': maxSeconds must be between 5 and 300"),
                row("a record step of 10 minutes", edit(f -> step(f, "record").put("maxSeconds", 600)),
                        "step 'record': maxSeconds must be between 5 and 300"),

                // languages
                row("a language without voice and without sayWith", edit(f -> languages(f).putObject("tzo")),
                        "language 'tzo': without a voice, sayWith must name a language of this flow that has one"),
                row("sayWith a language without a voice", edit(f -> {
                    languages(f).putObject("tzo").put("sayWith", "mam");
                    languages(f).putObject("mam").put("sayWith", "es");
                }), "language 'tzo': without a voice, sayWith must name a language of this flow that has one"),
                row("sayWith a language the flow does not declare", edit(f -> languages(f).putObject("tzo").put("sayWith", "fr")),
                        "language 'tzo': without a voice, sayWith must name a language of this flow that has one"),
                row("an unknown Twilio voice", edit(f -> language(f, "es").put("voice", "Polly.Maria")),
                        "language 'es': voice 'Polly.Maria' is not a Twilio voice (e.g. Polly.Mia)"),
                row("an unknown sayLanguage", edit(f -> language(f, "es").put("sayLanguage", "es-XX")),
                        "language 'es': sayLanguage 'es-XX' is not a Twilio language (e.g. es-MX)"),
                row("a language that is not an ISO 639 code", edit(f -> languages(f).putObject("Spanish").put("voice", "Polly.Mia")),
                        "language 'Spanish' must be an ISO 639 code such as es, en or tzo"),
                row("empty languages", edit(f -> f.putObject("languages")),
                        "\"languages\" must name at least one language"),
                row("no languages", edit(f -> f.remove("languages")),
                        "\"languages\" must name at least one language"),
                row("empty steps", edit(f -> f.putObject("steps")),
                        "\"steps\" must name at least one step"),

                // found by reviewing the first version of this table
                row("text after the flow", json -> json + "}",
                        "not valid JSON: Unexpected close marker '}': no open Object to close (line 52, column 1)"),
                row("a silent prompt (an empty list)", edit(f -> prompt(f, "report", "prompt").putArray("es")),
                        "step 'report': no prompt for language 'es'"),
                row("a choice's anonymous that is not true or false", edit(f -> choice(f, "category", 0).put("anonymous", "yes")),
                        "step 'category': choice 1: anonymous must be true or false"),
                row("a misspelled field in a choice", edit(f -> choice(f, "category", 0).put("categroy", "outage")),
                        "step 'category': choice 1: unknown field 'categroy' (digit, next, language, category, anonymous)"),
                row("a misspelled field in a language", edit(f -> language(f, "en").put("voise", "Polly.Joanna")),
                        "language 'en': unknown field 'voise' (voice, sayLanguage, sayWith, sms)"),
                row("SMS in a language AguaVoz does not write", edit(f -> language(f, "en").put("sms", "fr")),
                        "language 'en': sms 'fr' must be es or en (the languages AguaVoz writes SMS in)"),
                row("a language written as a string", edit(f -> languages(f).put("en", "Polly.Joanna")),
                        "language 'en' must be an object such as {\"voice\": \"Polly.Mia\", \"sayLanguage\": \"es-MX\"}"),
                row("a choice without digit", edit(f -> choice(f, "category", 0).remove("digit")),
                        "step 'category': every choice needs a digit (0-9)"),
                row("a step without type", edit(f -> step(f, "record").remove("type")),
                        "step 'record': needs a type (language, menu, community, record, report, status)"),
                row("a prompt not split by language", edit(f -> step(f, "record").put("prompt", "Hable")),
                        "step 'record': must be an object by language (es, en)"),
                row("an undeclared language in the goodbye", edit(f -> ((ObjectNode) f.get("goodbye")).put("fr", "Au revoir")),
                        "'goodbye' prompt: a prompt for language 'fr', which the flow does not declare"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFlows")
    void aBrokenFlowStopsWithOneLineNamingFileStepAndProblem(String description, UnaryOperator<String> change,
            String expected) {
        String broken = change.apply(VALID);
        InvalidFlowException e = assertThrows(InvalidFlowException.class,
                () -> FlowFiles.parse("broken", FILE, broken, audioDir));
        assertEquals(FILE + ": " + expected, e.getMessage());
    }

    @Test
    void theShippedFlowsLoad() {
        FlowFiles.Loaded loaded = FlowFiles.load(Path.of("ivr-flows"), "ivr-flows");
        VoiceFlow flow = loaded.flows().get("default");
        assertTrue(flow != null, () -> "no flow named default among " + loaded.flows().keySet());
        assertEquals("language", flow.start());
        assertEquals(6, flow.step("category").choices().size());
    }

    @Test
    void aLanguageWithoutVoiceLoadsWithRecordedPromptsAndSayWith(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("audio/tzo"));
        Files.write(dir.resolve("audio/tzo/x.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0});
        ObjectNode flow = (ObjectNode) JSON.readTree(VALID);
        languages(flow).putObject("tzo").put("sayWith", "es").put("sms", "es");
        addTzotzil(flow);
        Files.writeString(dir.resolve("tzotzil.json"), JSON.writeValueAsString(flow));

        FlowFiles.Loaded loaded = FlowFiles.load(dir, "flows");

        VoiceFlow tzotzil = loaded.flows().get("tzotzil");
        VoiceFlow.Language tzo = tzotzil.languages().get("tzo");
        assertEquals(Optional.empty(), tzo.voice());
        assertEquals(Optional.of("es"), tzo.sayWith());
        assertEquals(List.of(Prompt.Part.play("tzo/x.wav")), tzotzil.step("report").prompt("prompt").get("tzo").parts());
        assertEquals(dir.resolve("audio"), loaded.audioDir());
    }

    /** {"tzo": {"play": "tzo/x.wav"}} in every prompt of the flow. */
    private static void addTzotzil(ObjectNode flow) {
        steps(flow).elements().forEachRemaining(step -> step.elements().forEachRemaining(prompt -> {
            if (prompt.isObject()) {
                ((ObjectNode) prompt).putObject("tzo").put("play", "tzo/x.wav");
            }
        }));
        ((ObjectNode) flow.get("invalid")).putObject("tzo").put("play", "tzo/x.wav");
        ((ObjectNode) flow.get("goodbye")).putObject("tzo").put("play", "tzo/x.wav");
    }

    // --- building the rows

    private static Arguments row(String description, UnaryOperator<String> change, String expected) {
        return arguments(description, change, expected);
    }

    /** Replaces text of the valid flow, which must be there (a typo here must not make a row pass by accident). */
    private static UnaryOperator<String> replace(String text, String by) {
        return json -> {
            if (!json.contains(text)) {
                throw new IllegalArgumentException("not in the valid flow: " + text);
            }
            return json.replace(text, by);
        };
    }

    /** Changes the valid flow as a tree. */
    private static UnaryOperator<String> edit(Consumer<ObjectNode> change) {
        return json -> {
            try {
                ObjectNode flow = (ObjectNode) JSON.readTree(json);
                change.accept(flow);
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(flow);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static ObjectNode languages(ObjectNode flow) {
        return (ObjectNode) flow.get("languages");
    }

    private static ObjectNode language(ObjectNode flow, String code) {
        return (ObjectNode) languages(flow).get(code);
    }

    private static ObjectNode steps(ObjectNode flow) {
        return (ObjectNode) flow.get("steps");
    }

    private static ObjectNode step(ObjectNode flow, String name) {
        return (ObjectNode) steps(flow).get(name);
    }

    private static ObjectNode prompt(ObjectNode flow, String step, String role) {
        return (ObjectNode) step(flow, step).get(role);
    }

    /** The choice at {@code index} (from 0) of a step. */
    private static ObjectNode choice(ObjectNode flow, String step, int index) {
        return (ObjectNode) ((ArrayNode) step(flow, step).get("choices")).get(index);
    }
}
