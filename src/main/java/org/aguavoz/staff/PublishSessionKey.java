package org.aguavoz.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Once Flyway has run, the session key that {@link SessionKeySource} made (or read from its file) is stored in
 * {@code app_secret}, so the next start, and every other instance reading the same database, uses the same key.
 * A key configured by the operator is never stored.
 * <p>
 * Two first starts at once on an empty database each make a key, and only one can be stored. The other instance
 * would issue cookies that no other instance accepts, so it stops its start instead; started again, it reads the
 * stored key.
 */
class PublishSessionKey {

    private static final Logger LOG = Logger.getLogger(PublishSessionKey.class);
    static final String ANOTHER_INSTANCE_WAS_FIRST = "Another instance stored the session key first, so this"
            + " one stops rather than issue cookies the others refuse: starting again picks up the stored key (table"
            + " app_secret)";

    /**
     * {@code sessionConfig} is injected so that its setting is a known mapping in every build (a config source, which
     * reads it by name, does not register it), and so that start-up names the file.
     */
    void publish(@Observes @Priority(100) StartupEvent start, DataSource dataSource, SessionConfig sessionConfig)
            throws SQLException {
        Optional<SessionKeySource.StoredKey> running = SessionKeySource.inUse(
                ConfigProvider.getConfig().unwrap(SmallRyeConfig.class));
        if (running.isEmpty()) {
            return;
        }
        LOG.debugf("The session key made by AguaVoz is kept in %s and in the table app_secret", sessionConfig.keyFile());
        try (Connection connection = dataSource.getConnection()) {
            store(connection, running.get(), sessionConfig.keyFile());
        }
    }

    /** Stores {@code running} unless a key is stored already, and settles a difference between the two. */
    static void store(Connection connection, SessionKeySource.StoredKey running, String keyFile) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into app_secret (name, value) values (?, ?) on conflict (name) do nothing")) {
            insert.setString(1, SessionKeySource.SECRET_NAME);
            insert.setString(2, running.key());
            insert.executeUpdate();
        }
        String stored;
        try (PreparedStatement select = connection.prepareStatement(SessionKeySource.SELECT)) {
            select.setString(1, SessionKeySource.SECRET_NAME);
            try (ResultSet row = select.executeQuery()) {
                row.next(); // the insert above leaves a row in any case
                stored = row.getString(1);
            }
        }
        if (stored.equals(running.key())) {
            return;
        }
        if (running.origin().restartReadsTheTable()) {
            // For a start that fails because of a ConfigurationException, Quarkus prints only its message and exits
            // with 1 (systemd's Restart=on-failure starts it again): no stack trace buries the line.
            throw new ConfigurationException(ANOTHER_INSTANCE_WAS_FIRST, Set.of(SessionKeySource.KEY_PROPERTY));
        }
        // The embedded database: no start can read the table before HTTP needs the key, so the file is the key of
        // every start. The table follows it, for a later move of this database to an external server.
        try (PreparedStatement update = connection.prepareStatement(
                "update app_secret set value = ? where name = ?")) {
            update.setString(1, running.key());
            update.setString(2, SessionKeySource.SECRET_NAME);
            update.executeUpdate();
        }
        LOG.infof("The table app_secret held another session key than %s; it now holds the file's", keyFile);
    }
}
