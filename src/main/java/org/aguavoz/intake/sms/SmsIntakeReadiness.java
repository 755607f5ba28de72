package org.aguavoz.intake.sms;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.database.DatabaseProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness as a load balancer should read it: an instance whose database is away still takes SMS (into the spool),
 * so it stays UP, with "degraded: spooling" and the database's state in the data. Quarkus' own datasource check
 * would say DOWN and send Twilio's webhooks nowhere; it is switched off in application.properties
 * ({@code quarkus.datasource.health.enabled=false}) and this check reports the database instead. DOWN only when
 * neither the database nor the spool could keep a message.
 */
@Readiness
@ApplicationScoped
class SmsIntakeReadiness implements HealthCheck {

    private final DatabaseProbe database;
    private final SmsSpool spool;

    SmsIntakeReadiness(DatabaseProbe database, SmsSpool spool) {
        this.database = database;
        this.spool = spool;
    }

    @Override
    public HealthCheckResponse call() {
        boolean database = this.database.answers();
        int spooled = spool.size();
        boolean spoolWritable = spool.writable();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sms-intake")
                .withData("database", database ? "up" : "away")
                .withData("spooled", spooled)
                .withData("intake", database && spooled == 0 ? "normal" : "degraded: spooling");
        return (database || spoolWritable ? response.up() : response.down().withData("spool", "not writable"))
                .build();
    }
}
