package org.aguavoz.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The phone simulator: for training and demos, off in production unless an agency turns it on. */
@ConfigMapping(prefix = "aguavoz.simulator")
public interface SimulatorConfig {

    @WithDefault("false")
    boolean enabled();
}
