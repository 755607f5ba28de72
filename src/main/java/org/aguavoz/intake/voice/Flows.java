package org.aguavoz.intake.voice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.conversation.VoiceCall;
import org.aguavoz.conversation.VoiceFlow;
import org.jboss.logging.Logger;

/**
 * The voice flows, read and validated once when AguaVoz starts: a broken flow file stops start-up with a message
 * naming the file, the step and the problem, instead of surprising a caller.
 */
@Startup
@ApplicationScoped
public class Flows {

    private static final Logger LOG = Logger.getLogger(Flows.class);

    private final FlowFiles.Loaded loaded;
    private final VoiceFlow active;

    Flows(VoiceConfig config) {
        Path local = Path.of("ivr-flows");
        if (config.flowsDir().isPresent()) {
            loaded = FlowFiles.load(Path.of(config.flowsDir().get()), config.flowsDir().get());
        } else if (Files.isDirectory(local)) {
            loaded = FlowFiles.load(local, "ivr-flows");
        } else {
            loaded = FlowFiles.loadPackaged();
        }
        active = loaded.flows().get(config.flow());
        if (active == null) {
            throw new InvalidFlowException("AGUAVOZ_VOICE_FLOW (aguavoz.voice.flow): no flow '" + config.flow() + "' in "
                    + loaded.source() + " (found: " + FlowFiles.names(loaded.flows()) + ")");
        }
        LOG.infof("Voice flows from %s: %s; calls follow '%s'", loaded.source(), FlowFiles.names(loaded.flows()),
                active.name());
    }

    /** The flow new calls follow. */
    public VoiceFlow active() {
        return active;
    }

    /** A flow by name (a call keeps the flow it started with). */
    public Optional<VoiceFlow> named(String name) {
        return Optional.ofNullable(loaded.flows().get(name));
    }

    /** The flow a call follows: the one it started with, or the active one if that flow was removed since. */
    public VoiceFlow of(VoiceCall call) {
        return named(call.flow).orElseGet(this::active);
    }

    /** An audio file a loaded flow plays; empty for anything else, so no other file can be read through it. */
    public Optional<Path> audio(String flow, String file) {
        return named(flow).filter(f -> plays(f, file)).map(f -> loaded.audioDir().resolve(file));
    }

    private static boolean plays(VoiceFlow flow, String file) {
        return flow.steps().values().stream()
                .flatMap(step -> step.prompts().values().stream())
                .flatMap(byLanguage -> byLanguage.values().stream())
                .anyMatch(prompt -> prompt.parts().stream().anyMatch(p -> file.equals(p.play())))
                || Stream.of(flow.invalid(), flow.goodbye()).flatMap(m -> m.values().stream())
                        .anyMatch(prompt -> prompt.parts().stream().anyMatch(p -> file.equals(p.play())));
    }
}
