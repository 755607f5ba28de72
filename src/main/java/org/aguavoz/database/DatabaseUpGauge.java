package org.aguavoz.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * 1 when the database answers, 0 when it does not: the alert "database down" needs a series that exists while the
 * database is away (the readiness check stays UP then, because SMS are kept on disk meanwhile).
 */
@Startup
@ApplicationScoped
class DatabaseUpGauge {

    DatabaseUpGauge(DataSource dataSource, MeterRegistry metrics) {
        Gauge.builder("aguavoz.database.up", dataSource, DatabaseUpGauge::answers)
                .description("1 if the database answers a query within 2 seconds, else 0").register(metrics);
    }

    private static double answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? 1 : 0;
        } catch (SQLException away) {
            return 0;
        }
    }
}
