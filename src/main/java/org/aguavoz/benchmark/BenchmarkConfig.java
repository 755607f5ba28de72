package org.aguavoz.benchmark;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aguavoz.benchmark")
public interface BenchmarkConfig {

    /**
     * Serve {@code POST /benchmark/baseline}, the one-insert endpoint the SMS webhook benchmark compares against.
     * Off in production: it writes rows for anyone who asks, without a signature.
     */
    @WithDefault("false")
    boolean baseline();
}
