package org.aguavoz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alerts in deploy/monitoring name only series that AguaVoz exports: a
 * renamed metric would otherwise leave an agency with an empty panel and an alert that can never fire.
 */
@QuarkusTest
class MonitoringFilesTest {

    private static final Path DASHBOARD = Path.of("deploy/monitoring/aguavoz-grafana.json");
    private static final Path ALERTS = Path.of("deploy/monitoring/aguavoz-alerts.yml");
    private static final Pattern SERIES = Pattern.compile("\\b(aguavoz_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b");

    @Test
    void everySeriesTheDashboardAndTheAlertsNameIsExported() throws IOException {
        // The webhook's latency series exist once a webhook has been answered.
        TwilioWebhook.post("/twilio/sms", TwilioWebhook.sms(TwilioWebhook.freshVillager(), "hola")).then()
                .statusCode(200);
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exported = scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));

        Set<String> named = new TreeSet<>();
        for (Path file : new Path[] {DASHBOARD, ALERTS}) {
            Matcher series = SERIES.matcher(Files.readString(file));
            while (series.find()) {
                named.add(series.group(1));
            }
        }
        assertTrue(named.size() >= 12, "the files name too few series to be the monitoring they claim: " + named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "named in deploy/monitoring but not on /q/metrics");
        assertTrue(scrape.contains("uri=\"/twilio/sms\""), "the webhook's series carry its path");
    }

    @Test
    void theDashboardIsAnImportableGrafanaDashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("DS_PROMETHEUS", dashboard.at("/__inputs/0/name").asText());
        assertTrue(dashboard.get("panels").size() >= 8, "panels: " + dashboard.get("panels").size());
        for (JsonNode panel : dashboard.get("panels")) {
            assertTrue(panel.get("targets").size() > 0, panel.get("title").asText() + " has no query");
        }
    }
}
