package org.aguavoz.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the database answers now: one rule for the readiness check (which stays UP while SMS are spooled) and for
 * Prometheus' {@code aguavoz_database_up} (1 or 0; the alert "database down" needs a series that exists while the
 * database is away). Two seconds at most: probes and scrapes time out after a few seconds themselves.
 */
@Startup
@ApplicationScoped
public class DatabaseProbe {

    private static final int WAIT_SECONDS = 2;

    private final DataSource dataSource;

    DatabaseProbe(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        Gauge.builder("aguavoz.database.up", this, probe -> probe.answers() ? 1 : 0)
                .description("1 if the database answers a query within 2 seconds, else 0").register(metrics);
    }

    public boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(WAIT_SECONDS);
        } catch (SQLException | RuntimeException away) {
            return false;
        }
    }
}
