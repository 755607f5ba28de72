package org.aguavoz.notices;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How often the committee may hear that more people reported an incident it knows of. */
@ConfigMapping(prefix = "aguavoz.incidents")
public interface IncidentUpdatesConfig {

    /**
     * At most one update per incident this often, and only if someone joined: a committee texted thirty times for one
     * broken pump stops answering.
     */
    @WithDefault("PT2H")
    Duration updateEvery();

    /** How often each instance looks for incidents with an update due (a Quarkus duration: 1m, 30s…). */
    @WithDefault("1m")
    String checkEvery();
}
