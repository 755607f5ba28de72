package org.aguavoz.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * Supplies the key that encrypts the dashboard's session cookies when QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not
 * set, so Quarkus never makes a temporary one (and never logs it). The key is made once, 32 random bytes, and kept:
 * in the table {@code app_secret} when an external database can be read this early (every instance then shares it),
 * otherwise in a file of the data directory that only its owner may read. Quarkus reads the key while it builds its
 * runtime configuration, before any bean, Flyway or the embedded PostgreSQL has started; that is why this is a
 * config source reading JDBC and files itself. {@link PublishSessionKey} copies a new or file key into the table
 * once Flyway has created it, so the next start finds it there.
 * <p>
 * The source answers only when asked for the key and does not list it among its names: nothing that merely walks
 * the configuration (the build, a config dump) makes or reads a key. No key material is ever logged.
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String NAME = "aguavoz stored session key";
    static final String SECRET_NAME = "session-encryption-key";
    static final String SELECT = "select value from app_secret where name = ?";
    /** A config source runs before config mappings exist, so its own setting is read by name with this default. */
    static final String KEY_FILE_PROPERTY = "aguavoz.session.key-file";
    static final String DEFAULT_KEY_FILE = "data/session.key";
    /** Below application.properties (250) and environment variables (300): a configured key always wins. */
    private static final int ORDINAL = 100;
    /** PostgreSQL's SQLSTATE for a table that does not exist. */
    private static final String UNDEFINED_TABLE = "42P01";

    private static final Logger LOG = Logger.getLogger(SessionKeySource.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Path file = Path.of(Optional.ofNullable(value(context, KEY_FILE_PROPERTY)).orElse(DEFAULT_KEY_FILE));
        // Only a configured URL is seen here: the embedded server's address comes from another factory's source
        // (org.aguavoz.database), which SmallRye keeps out of this context. The embedded start reads the file.
        String url = value(context, "quarkus.datasource.jdbc.url");
        Database database = new Database(url, value(context, "quarkus.datasource.username"),
                value(context, "quarkus.datasource.password"));
        return List.of(new Source(file, database));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /** Where the key in use came from; it decides what {@link PublishSessionKey} does when the table holds another. */
    enum Origin {
        /** Read from app_secret: every instance on that database uses it. */
        TABLE,
        /** Made now: the database answered but held no key yet (its first start). Stored once Flyway has run. */
        NEW,
        /** The file, because the configured database could not be read at start; the next start may read it. */
        FILE_DATABASE_DOWN,
        /** The file: the embedded PostgreSQL (or none) can never be read this early, so every start reads the file. */
        FILE;

        /** Whether starting again would read the key from app_secret rather than use this one. */
        boolean restartReadsTheTable() {
            return this != FILE;
        }
    }

    record StoredKey(String key, Origin origin) {

        @Override
        public String toString() {
            return "StoredKey[origin=" + origin + "]"; // never the key, even in a failed assertion
        }
    }

    static StoredKey load(Path file, Database database) {
        if (database.url() != null && database.url().startsWith("jdbc:postgresql:")) {
            try {
                Optional<String> shared = database.read();
                if (shared.isPresent()) {
                    LOG.info("The session key is the one stored in the table app_secret, shared by every instance");
                    return new StoredKey(shared.get(), Origin.TABLE);
                }
                // A database that answers but holds no key yet (its first start): the key is made now and stored
                // there once Flyway has run (PublishSessionKey); nothing is written next to an external database.
                return madeForTheDatabase();
            } catch (SQLException e) {
                if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                    return madeForTheDatabase(); // the very first start: app_secret is not created yet
                }
                // The external database may not be up yet.
                LOG.infof("The session key is kept in %s: the database could not be read at start (%s)", file,
                        e.getSQLState());
                return new StoredKey(readOrCreateFile(file), Origin.FILE_DATABASE_DOWN);
            }
        }
        return new StoredKey(readOrCreateFile(file), Origin.FILE);
    }

    private static StoredKey madeForTheDatabase() {
        LOG.info("The database holds no session key yet: made one, stored in the table app_secret once the schema is"
                + " migrated");
        return new StoredKey(newKey(), Origin.NEW);
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String readOrCreateFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temp = Files.createTempFile(dir, ".session-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                try {
                    Files.writeString(temp, newKey(), StandardCharsets.US_ASCII);
                    // A link, not a move: if another process made the file meanwhile, its key stays and is used.
                    Files.createLink(file, temp);
                    LOG.infof("Made a new session key in %s (readable by its owner only)", file);
                } catch (FileAlreadyExistsException raced) {
                    // fall through and read the other process's key
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                LOG.warnf("%s was readable by others: its permissions are now owner-only", file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (key.length() < 32) {
                throw new IllegalStateException(file + " does not hold a session key: delete it to make a new one");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("The session key file " + file + " could not be read or made", e);
        }
    }

    /** The shared table, read with plain JDBC: no datasource exists yet when the key is needed. */
    record Database(String url, String username, String password) {

        Optional<String> read() throws SQLException {
            try (Connection connection = connect();
                    PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, SECRET_NAME);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        }

        private Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (username != null) {
                properties.setProperty("user", username);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("loginTimeout", "10");
            // The driver itself: DriverManager may not see it through Quarkus's class loaders this early.
            Connection connection = new Driver().connect(url, properties);
            if (connection == null) {
                throw new SQLException("not a PostgreSQL URL", "08001");
            }
            return connection;
        }

        @Override
        public String toString() {
            return "Database[" + url + "]";
        }
    }

    /** The key this process runs with and where it came from, or empty when it is not this source's. */
    static Optional<StoredKey> inUse(SmallRyeConfig config) {
        ConfigValue value = config.getConfigValue(KEY_PROPERTY);
        if (value.getValue() == null || !NAME.equals(value.getSourceName())) {
            return Optional.empty(); // configured by the operator
        }
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof Source ours && ours.stored != null && ours.stored.key().equals(value.getValue())) {
                return Optional.of(ours.stored);
            }
        }
        throw new IllegalStateException("The session key came from " + NAME + ", which does not know where it got it");
    }

    /** Lazy: the key is looked up (or made) the first time it is asked for, never while names are listed. */
    static final class Source implements ConfigSource {

        private final Path file;
        private final Database database;
        private volatile StoredKey stored;

        Source(Path file, Database database) {
            this.file = file;
            this.database = database;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (!KEY_PROPERTY.equals(propertyName)) {
                return null;
            }
            if (stored == null) {
                synchronized (this) {
                    if (stored == null) {
                        stored = load(file, database);
                    }
                }
            }
            return stored.key();
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
