package org.aguavoz.database;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded PostgreSQL, used when QUARKUS_DATASOURCE_JDBC_URL is not set. {@link EmbeddedDatabaseSource} reads
 * these by name (with the same defaults) before mappings exist; this mapping documents them and lets
 * {@link DurabilityCheck} compare what was asked with what the server does.
 */
@ConfigMapping(prefix = "aguavoz.embedded-db")
public interface EmbeddedDbConfig {

    /**
     * AGUAVOZ_EMBEDDED_DB_DATA_DIR: where the data lives; {@value EmbeddedDatabaseSource#DEFAULT_DATA_DIR} of the
     * working directory when not set, a throw-away directory in tests and dev mode. (No {@code @WithDefault}: the
     * default depends on the profile, and the source would read it as if it had been set.)
     */
    Optional<String> dataDir();

    /** AGUAVOZ_EMBEDDED_DB_PORT: loopback port of the embedded server. */
    @WithDefault("" + EmbeddedDatabaseSource.DEFAULT_PORT)
    int port();

    /** fsync, synchronous_commit and full_page_writes: on, except in tests and dev mode (refused elsewhere). */
    @WithDefault("true")
    boolean durable();

    /** AGUAVOZ_EMBEDDED_DB_STARTUP_WAIT: how long the server may take to start (recovery after a crash included). */
    @WithDefault("PT60S")
    Duration startupWait();
}
