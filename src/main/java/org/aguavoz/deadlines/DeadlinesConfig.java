package org.aguavoz.deadlines;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The deadline job. The deadlines themselves are the agency's, in the database (category table). */
@ConfigMapping(prefix = "aguavoz.deadlines")
public interface DeadlinesConfig {

    /** How often each instance looks for due steps (a Quarkus duration: 1m, 30s…). */
    @WithDefault("1m")
    String checkEvery();

    /** Tickets handled per transaction; the rows stay locked (SKIP LOCKED for the others) until it commits. */
    @WithDefault("100")
    @Min(1)
    @Max(1000)
    int batchSize();
}
