package org.aguavoz.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks the database, once it answers, whether an acknowledged commit survives a power cut. The embedded server is
 * started durable by {@link EmbeddedServer}; if it is not (a library that changed its command line, a setting that
 * did not apply), a production start stops here rather than promise what it cannot keep. An external server is the
 * agency's to configure: a warning names what is off.
 */
@Startup
@ApplicationScoped
class DurabilityCheck {

    private static final Logger LOG = Logger.getLogger(DurabilityCheck.class);
    static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    DurabilityCheck(DataSource dataSource, EmbeddedDbConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) throws SQLException {
        Map<String, String> actual = read(dataSource);
        List<String> off = actual.entrySet().stream().filter(setting -> !"on".equals(setting.getValue()))
                .map(setting -> setting.getKey() + "=" + setting.getValue()).toList();
        boolean embedded = EmbeddedServer.isRunning(url);
        if (off.isEmpty()) {
            return;
        }
        if (embedded && config.durable()) {
            throw new IllegalStateException("The embedded PostgreSQL runs with " + String.join(", ", off)
                    + " although it was started durable: a power cut could lose acknowledged reports");
        }
        if (!embedded) {
            LOG.warnf("The PostgreSQL server runs with %s: a power cut or an operating-system crash can lose reports"
                    + " AguaVoz has already acknowledged. Ask its administrator to turn them on.", String.join(", ", off));
        }
    }

    static Map<String, String> read(DataSource dataSource) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String setting : SETTINGS) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    values.put(setting, row.getString(1));
                }
            }
        }
        return values;
    }
}
