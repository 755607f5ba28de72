package org.aguavoz.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aguavoz.session")
public interface SessionConfig {

    /**
     * Where the session key is kept, readable by its owner only, when QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not
     * set and the database cannot be read before the HTTP layer starts (always so with the embedded PostgreSQL).
     * {@link SessionKeySource} reads it by name: a config source runs before mappings exist.
     */
    @WithDefault(SessionKeySource.DEFAULT_KEY_FILE)
    String keyFile();
}
