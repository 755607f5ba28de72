package org.aguavoz.intake.voice;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aguavoz.voice")
public interface VoiceConfig {

    /**
     * Where the flow files and their audio are. Unset: {@code ivr-flows} in the working directory if it exists,
     * else the flows packaged in the application.
     */
    Optional<String> flowsDir();

    /** The flow incoming calls follow: the name of a file of the flows directory, without {@code .json}. */
    @WithDefault("default")
    String flow();
}
