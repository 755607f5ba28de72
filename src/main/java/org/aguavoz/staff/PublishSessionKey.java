package org.aguavoz.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigValue;
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
 */
class PublishSessionKey {

    private static final Logger LOG = Logger.getLogger(PublishSessionKey.class);

    /**
     * {@code sessionConfig} is injected so that its setting is a known mapping in every build (a config source, which
     * reads it by name, does not register it), and so that start-up names the file.
     */
    void publish(@Observes @Priority(100) StartupEvent start, DataSource dataSource, SessionConfig sessionConfig)
            throws SQLException {
        ConfigValue key = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigValue(SessionKeySource.KEY_PROPERTY);
        if (key.getValue() == null || !SessionKeySource.NAME.equals(key.getSourceName())) {
            return;
        }
        LOG.debugf("The session key made by AguaVoz is kept in %s and in the table app_secret", sessionConfig.keyFile());
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into app_secret (name, value) values (?, ?) on conflict (name) do nothing")) {
                insert.setString(1, SessionKeySource.SECRET_NAME);
                insert.setString(2, key.getValue());
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(SessionKeySource.SELECT)) {
                select.setString(1, SessionKeySource.SECRET_NAME);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && !row.getString(1).equals(key.getValue())) {
                        // Two first starts at once, or a data directory moved: this instance keeps its own key
                        // until it restarts, and its sessions do not work on the others.
                        LOG.warn("The database holds another session key than this instance uses: restart it to share"
                                + " sessions with the other instances");
                    }
                }
            }
        }
    }
}
