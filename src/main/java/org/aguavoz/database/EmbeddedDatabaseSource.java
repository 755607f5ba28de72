package org.aguavoz.database;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The database AguaVoz uses when none is configured: an embedded PostgreSQL, started the first time anything asks
 * for {@code quarkus.datasource.jdbc.url} — that is while Quarkus builds its runtime configuration, before the
 * datasource, Flyway or Hibernate exist — and stopped when the JVM stops. A configured URL (environment variable,
 * system property, {@code config/application.properties}) wins: then this source answers nothing and no server
 * starts. This replaces the embedded-PostgreSQL extension, which starts its server with {@code fsync} off and no
 * setting to change it; here the server of a production or demo start is durable (see {@link EmbeddedServer}).
 *
 * <p>The source answers only when asked and lists no names, so a build or a tool that merely walks the
 * configuration never starts a server.
 *
 * <p>Quarkus builds a first, smaller configuration for its static init, seconds before the runtime configuration
 * whose URL the datasource opens. The server begins to start there, on a thread of its own ({@link
 * EmbeddedServer#startSoon}), so that its half second of start-up overlaps Quarkus' own; the runtime configuration's
 * source then waits for it. That is why this factory is static-init safe.
 */
@StaticInitSafe
public class EmbeddedDatabaseSource implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String NAME = "aguavoz embedded PostgreSQL";
    /** Read by name with these defaults: a config source runs before config mappings exist. */
    static final String DATA_DIR = "aguavoz.embedded-db.data-dir";
    static final String PORT = "aguavoz.embedded-db.port";
    static final String DURABLE = "aguavoz.embedded-db.durable";
    static final String STARTUP_WAIT = "aguavoz.embedded-db.startup-wait";
    static final String DEFAULT_DATA_DIR = "data/postgresql";
    static final int DEFAULT_PORT = 54329;
    /** Below every source an operator writes to (application.properties is 250, the environment 300). */
    private static final int ORDINAL = 50;
    /** Profiles whose database may be thrown away: only they may turn durability off. */
    private static final Set<String> THROW_AWAY_PROFILES = Set.of("test", "dev");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (value(context, URL_PROPERTY) != null) {
            return List.of(); // an external PostgreSQL
        }
        if (ExecutionMode.current() == ExecutionMode.STATIC_INIT) {
            startSoon(context);
            return List.of(); // nothing in static init asks for the URL; the runtime configuration's source answers
        }
        return List.of(new Source(settings(context)));
    }

    /**
     * Begins the start of the server that the runtime configuration will ask for. A setting that cannot be read is
     * left to the runtime configuration, which stops the start with its message as it always did; a setting that
     * differs there makes the runtime source start the server again with it ({@link EmbeddedServer#start}).
     */
    private static void startSoon(ConfigSourceContext context) {
        EmbeddedServer.Settings settings;
        try {
            settings = settings(context);
        } catch (InvalidSetting reportedLater) {
            return;
        }
        EmbeddedServer.startSoon(settings);
    }

    static EmbeddedServer.Settings settings(ConfigSourceContext context) {
        String dataDir = value(context, DATA_DIR);
        String port = value(context, PORT);
        String durable = value(context, DURABLE);
        String wait = value(context, STARTUP_WAIT);
        EmbeddedServer.Settings settings = new EmbeddedServer.Settings(
                dataDir == null && !throwAway(context) ? Path.of(DEFAULT_DATA_DIR)
                        : dataDir == null ? null : Path.of(dataDir),
                port == null ? DEFAULT_PORT : parsePort(port),
                durable == null || Boolean.parseBoolean(durable),
                wait == null ? Duration.ofSeconds(60) : parseDuration(wait));
        if (!settings.durable() && !throwAway(context)) {
            throw new InvalidSetting("AGUAVOZ_EMBEDDED_DB_DURABLE (" + DURABLE
                    + ") may be false only in tests and dev mode: a production or demo database keeps people's reports");
        }
        return settings;
    }

    private static boolean throwAway(ConfigSourceContext context) {
        return context.getProfiles().stream().anyMatch(THROW_AWAY_PROFILES::contains);
    }

    private static int parsePort(String port) {
        try {
            int number = Integer.parseInt(port.strip());
            if (number > 0 && number < 65536) {
                return number;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidSetting("AGUAVOZ_EMBEDDED_DB_PORT (" + PORT + ") must be a port number, not \"" + port + "\"");
    }

    private static Duration parseDuration(String wait) {
        try {
            return Duration.parse(wait.strip());
        } catch (RuntimeException e) {
            throw new InvalidSetting("AGUAVOZ_EMBEDDED_DB_STARTUP_WAIT (" + STARTUP_WAIT
                    + ") must be an ISO-8601 duration such as PT60S, not \"" + wait + "\"");
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /** A setting this source reads itself; the message is the whole story, without a stack trace to dig through. */
    static final class InvalidSetting extends IllegalArgumentException {
        InvalidSetting(String message) {
            super(message);
        }
    }

    /** Starts (or reuses) the server the first time the URL is asked for. */
    static final class Source implements ConfigSource {

        private final EmbeddedServer.Settings settings;

        Source(EmbeddedServer.Settings settings) {
            this.settings = settings;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (URL_PROPERTY.equals(propertyName)) {
                return EmbeddedServer.start(settings).jdbcUrl();
            }
            return null;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }
}
