package org.aguavoz.intake.voice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aguavoz.conversation.Prompt;
import org.aguavoz.conversation.VoiceFlow;
import org.aguavoz.tickets.Category;

/**
 * Reads and validates every flow file of a directory ({@code *.json}) and the audio files they play. Any problem
 * stops start-up with one line naming the file, the step and the problem: a caller must never reach a step that
 * does not exist or hear silence where a prompt should be.
 */
public final class FlowFiles {

    /** The flows and where their audio files are. */
    public record Loaded(Map<String, VoiceFlow> flows, Path audioDir, String source) {
    }

    /** A key written twice or text after the flow is a mistake in the file, not something to guess about. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> CHOICE_KEYS = Set.of("digit", "next", "language", "category", "anonymous");
    private static final Set<String> LANGUAGE_KEYS = Set.of("voice", "sayLanguage", "sayWith", "sms");
    private static final Set<String> SMS_LANGUAGES = Set.of("es", "en");
    private static final Set<String> STEP_KEYS_COMMON = Set.of("type", "next", "choices", "maxSeconds");
    private static final Set<String> AUDIO_TYPES = Set.of("mp3", "wav");

    private FlowFiles() {
    }

    /** Every {@code *.json} of {@code dir}, with audio files under {@code dir/audio}. */
    public static Loaded load(Path dir, String source) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidFlowException(source + ": no such directory");
        }
        Map<String, VoiceFlow> flows = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                flows.put(name, parse(name, source + "/" + file.getFileName(), Files.readString(file), dir.resolve("audio")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (flows.isEmpty()) {
            throw new InvalidFlowException(source + ": no flow file (*.json)");
        }
        return new Loaded(Map.copyOf(flows), dir.resolve("audio"), source);
    }

    /** The flows packaged in the application (a copy of ivr-flows/ made by the build). */
    public static Loaded loadPackaged() {
        URL marker = Thread.currentThread().getContextClassLoader().getResource("ivr-flows/default.json");
        if (marker == null) {
            throw new InvalidFlowException("ivr-flows: not packaged in the application, and no ivr-flows directory here"
                    + " (set AGUAVOZ_VOICE_FLOWS_DIR)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return load(jar.provider().getPath(uri).getParent(), "ivr-flows (packaged)");
            }
            return load(Path.of(uri).getParent(), "ivr-flows (packaged)");
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the packaged flows at " + marker, e);
        }
    }

    /** One flow file; {@code file} is how errors name it. */
    static VoiceFlow parse(String name, String file, String json, Path audioDir) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            String problem = e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s+", " ");
            throw new InvalidFlowException(file + ": not valid JSON: " + problem + where);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFlowException(file + ": must be a JSON object with languages, start and steps");
        }
        return new Reader(file, audioDir).flow(name, root);
    }

    /** Keeps the file name at hand for every error. */
    private record Reader(String file, Path audioDir) {

        VoiceFlow flow(String name, JsonNode root) {
            Map<String, VoiceFlow.Language> languages = languages(root.get("languages"));
            JsonNode stepsNode = root.get("steps");
            if (stepsNode == null || !stepsNode.isObject() || stepsNode.isEmpty()) {
                throw fail("\"steps\" must name at least one step");
            }
            Map<String, VoiceFlow.Step> steps = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = stepsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                steps.put(entry.getKey(), step(entry.getKey(), entry.getValue(), languages));
            }
            String start = text(root, "start");
            if (start == null) {
                throw fail("\"start\" must name the first step");
            }
            if (!steps.containsKey(start)) {
                throw fail("start step '" + start + "' does not exist");
            }
            for (VoiceFlow.Step step : steps.values()) {
                for (String next : nextSteps(step)) {
                    if (!steps.containsKey(next)) {
                        throw failAt(step.name(), "next step '" + next + "' does not exist");
                    }
                }
            }
            Set<String> reachable = reachable(start, steps);
            for (String step : steps.keySet()) {
                if (!reachable.contains(step)) {
                    throw fail("step '" + step + "' cannot be reached from the start step '" + start + "'");
                }
            }
            if (steps.values().stream().noneMatch(s -> s.type() == VoiceFlow.StepType.REPORT)) {
                throw fail("no step of type report: a call could never open a ticket");
            }
            Map<String, Prompt> invalid = prompts(null, "invalid", root.get("invalid"), languages);
            Map<String, Prompt> goodbye = prompts(null, "goodbye", root.get("goodbye"), languages);
            return new VoiceFlow(name, languages, start, Map.copyOf(steps), invalid, goodbye);
        }

        private Map<String, VoiceFlow.Language> languages(JsonNode node) {
            if (node == null || !node.isObject() || node.isEmpty()) {
                throw fail("\"languages\" must name at least one language");
            }
            Map<String, VoiceFlow.Language> languages = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String code = entry.getKey();
                if (!code.matches("[a-z]{2,3}")) {
                    throw fail("language '" + code + "' must be an ISO 639 code such as es, en or tzo");
                }
                JsonNode value = entry.getValue();
                if (!value.isObject()) {
                    throw fail("language '" + code + "' must be an object such as {\"voice\": \"Polly.Mia\", \"sayLanguage\": \"es-MX\"}");
                }
                for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!LANGUAGE_KEYS.contains(key)) {
                        throw fail("language '" + code + "': unknown field '" + key + "' (voice, sayLanguage, sayWith, sms)");
                    }
                }
                Optional<String> voice = Optional.ofNullable(text(value, "voice"));
                if (voice.isPresent() && TwilioVoices.voice(voice.get()).isEmpty()) {
                    throw fail("language '" + code + "': voice '" + voice.get() + "' is not a Twilio voice (e.g. Polly.Mia)");
                }
                Optional<String> sayLanguage = Optional.ofNullable(text(value, "sayLanguage"));
                if (sayLanguage.isPresent() && TwilioVoices.language(sayLanguage.get()).isEmpty()) {
                    throw fail("language '" + code + "': sayLanguage '" + sayLanguage.get()
                            + "' is not a Twilio language (e.g. es-MX)");
                }
                String sms = Optional.ofNullable(text(value, "sms")).orElse("es");
                if (!SMS_LANGUAGES.contains(sms)) {
                    throw fail("language '" + code + "': sms '" + sms + "' must be es or en (the languages AguaVoz writes SMS in)");
                }
                languages.put(code, new VoiceFlow.Language(code, voice, sayLanguage,
                        Optional.ofNullable(text(value, "sayWith")), sms));
            }
            for (VoiceFlow.Language language : languages.values()) {
                if (language.voice().isEmpty()) {
                    boolean speaker = language.sayWith().map(languages::get).map(l -> l.voice().isPresent()).orElse(false);
                    if (!speaker) {
                        throw fail("language '" + language.code() + "': without a voice, sayWith must name a language"
                                + " of this flow that has one");
                    }
                }
            }
            return languages;
        }

        private VoiceFlow.Step step(String name, JsonNode node, Map<String, VoiceFlow.Language> languages) {
            if (!node.isObject()) {
                throw failAt(name, "must be a JSON object");
            }
            String typeName = text(node, "type");
            if (typeName == null) {
                throw failAt(name, "needs a type (language, menu, community, record, report, status)");
            }
            VoiceFlow.StepType type;
            try {
                type = VoiceFlow.StepType.valueOf(String.valueOf(typeName).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw failAt(name, "unknown type '" + typeName + "' (language, menu, community, record, report, status)");
            }
            Map<String, Map<String, Prompt>> prompts = new LinkedHashMap<>();
            for (String role : VoiceFlow.requiredPrompts(type)) {
                prompts.put(role, prompts(name, role, node.get(role), languages));
            }
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!STEP_KEYS_COMMON.contains(key) && !prompts.containsKey(key)) {
                    throw failAt(name, "unknown field '" + key + "' for a " + type.name().toLowerCase(Locale.ROOT) + " step");
                }
            }
            List<VoiceFlow.Choice> choices = List.of();
            Optional<String> next = Optional.ofNullable(text(node, "next"));
            switch (type) {
                case LANGUAGE, MENU -> {
                    choices = choices(name, type, node.get("choices"), languages);
                    if (next.isPresent()) {
                        throw failAt(name, "a " + type.name().toLowerCase(Locale.ROOT) + " step goes on by its choices, not next");
                    }
                }
                case COMMUNITY, RECORD -> {
                    if (next.isEmpty()) {
                        throw failAt(name, "needs a next step");
                    }
                }
                case REPORT, STATUS -> {
                    if (next.isPresent()) {
                        throw failAt(name, "ends the call, so it has no next step");
                    }
                }
            }
            if (type != VoiceFlow.StepType.LANGUAGE && type != VoiceFlow.StepType.MENU && node.has("choices")) {
                throw failAt(name, "only language and menu steps have choices");
            }
            int maxSeconds = node.path("maxSeconds").asInt(60);
            if (type == VoiceFlow.StepType.RECORD && (maxSeconds < 5 || maxSeconds > 300)) {
                throw failAt(name, "maxSeconds must be between 5 and 300");
            }
            return new VoiceFlow.Step(name, type, prompts, choices, next, maxSeconds);
        }

        private List<VoiceFlow.Choice> choices(String step, VoiceFlow.StepType type, JsonNode node,
                Map<String, VoiceFlow.Language> languages) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                throw failAt(step, "needs choices: a list of {\"digit\": \"1\", \"next\": \"…\"}");
            }
            List<VoiceFlow.Choice> choices = new ArrayList<>();
            Set<String> digits = new HashSet<>();
            for (JsonNode choice : node) {
                String digit = text(choice, "digit");
                if (digit == null) {
                    throw failAt(step, "every choice needs a digit (0-9)");
                }
                if (!digit.matches("[0-9]")) {
                    throw failAt(step, "choice '" + digit + "' is not a digit key (0-9)");
                }
                for (Iterator<String> keys = choice.fieldNames(); keys.hasNext(); ) {
                    String key = keys.next();
                    if (!CHOICE_KEYS.contains(key)) {
                        throw failAt(step, "choice " + digit + ": unknown field '" + key + "' (digit, next, language, category, anonymous)");
                    }
                }
                if (choice.has("anonymous") && !choice.get("anonymous").isBoolean()) {
                    throw failAt(step, "choice " + digit + ": anonymous must be true or false");
                }
                if (!digits.add(digit)) {
                    throw failAt(step, "digit " + digit + " is used twice");
                }
                String next = text(choice, "next");
                if (next == null) {
                    throw failAt(step, "choice " + digit + " needs a next step");
                }
                Optional<String> language = Optional.ofNullable(text(choice, "language"));
                if (language.isPresent() && !languages.containsKey(language.get())) {
                    throw failAt(step, "choice " + digit + " sets language '" + language.get()
                            + "', which the flow does not declare");
                }
                if (language.isPresent() && type != VoiceFlow.StepType.LANGUAGE) {
                    throw failAt(step, "choice " + digit + " sets a language outside a language step");
                }
                Optional<Category> category = Optional.empty();
                String categoryName = text(choice, "category");
                if (categoryName != null) {
                    try {
                        category = Optional.of(Category.valueOf(categoryName.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw failAt(step, "choice " + digit + " has unknown category '" + categoryName
                                + "' (outage, quality, leak, billing, integrity, other)");
                    }
                }
                Optional<Boolean> anonymous = choice.has("anonymous") ? Optional.of(choice.get("anonymous").asBoolean())
                        : Optional.empty();
                choices.add(new VoiceFlow.Choice(digit, next, language, category, anonymous));
            }
            return List.copyOf(choices);
        }

        /** A prompt for every language of the flow: text, {"play": file}, or a list of both. */
        private Map<String, Prompt> prompts(String step, String role, JsonNode node, Map<String, VoiceFlow.Language> languages) {
            String what = "prompt".equals(role) ? "no prompt" : "no '" + role + "' prompt";
            String whose = "prompt".equals(role) ? "" : "'" + role + "' prompt: ";
            if (node != null && !node.isObject()) {
                String problem = whose + "must be an object by language (" + String.join(", ", languages.keySet()) + ")";
                throw step == null ? fail(problem) : failAt(step, problem);
            }
            Map<String, Prompt> prompts = new LinkedHashMap<>();
            for (String language : languages.keySet()) {
                JsonNode value = node == null ? null : node.get(language);
                if (value == null || value.isNull() || silent(value)) {
                    throw step == null ? fail(what + " for language '" + language + "'")
                            : failAt(step, what + " for language '" + language + "'");
                }
                prompts.put(language, prompt(step, whose, language, value));
            }
            if (node != null && node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String language = it.next();
                    if (!languages.containsKey(language)) {
                        String problem = whose + "a prompt for language '" + language + "', which the flow does not declare";
                        throw step == null ? fail(problem) : failAt(step, problem);
                    }
                }
            }
            return prompts;
        }

        /** Nothing a caller would hear: blank text, an empty list, a list of blanks. */
        private static boolean silent(JsonNode value) {
            if (value.isTextual()) {
                return value.asText().isBlank();
            }
            if (value.isArray()) {
                for (JsonNode part : value) {
                    if (!silent(part)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private Prompt prompt(String step, String whose, String language, JsonNode value) {
            List<Prompt.Part> parts = new ArrayList<>();
            for (JsonNode part : value.isArray() ? value : List.of(value)) {
                if (part.isTextual()) {
                    parts.add(Prompt.Part.say(part.asText()));
                } else if (part.isObject() && part.has("play")) {
                    String audio = part.get("play").asText();
                    String extension = audio.substring(audio.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    if (!audio.matches("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+") || !AUDIO_TYPES.contains(extension)) {
                        throw failAt(step, whose + "audio file '" + audio + "' (language '" + language
                                + "') must be a relative path of letters, digits, - and _ ending in .mp3 or .wav");
                    }
                    if (!Files.isRegularFile(audioDir.resolve(audio))) {
                        throw failAt(step, whose + "audio file '" + audio + "' (language '" + language + "') is missing from "
                                + "the audio directory");
                    }
                    parts.add(Prompt.Part.play(audio));
                } else {
                    throw failAt(step, whose + "a prompt for language '" + language
                            + "' must be text, {\"play\": \"file.mp3\"} or a list of these");
                }
            }
            return new Prompt(List.copyOf(parts));
        }

        private static List<String> nextSteps(VoiceFlow.Step step) {
            List<String> next = new ArrayList<>();
            step.next().ifPresent(next::add);
            step.choices().forEach(c -> next.add(c.next()));
            return next;
        }

        private static Set<String> reachable(String start, Map<String, VoiceFlow.Step> steps) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (seen.add(name)) {
                    todo.addAll(nextSteps(steps.get(name)));
                }
            }
            return seen;
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node == null ? null : node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        private InvalidFlowException fail(String problem) {
            return new InvalidFlowException(file + ": " + problem);
        }

        private InvalidFlowException failAt(String step, String problem) {
            return step == null ? fail(problem) : new InvalidFlowException(file + ": step '" + step + "': " + problem);
        }
    }

    /** For messages: the flow names found. */
    static String names(Map<String, VoiceFlow> flows) {
        return flows.keySet().stream().sorted().collect(Collectors.joining(", "));
    }
}
