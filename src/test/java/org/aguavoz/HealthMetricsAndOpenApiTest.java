package org.aguavoz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's endpoints answer on the management port only; the public port does not know them. */
@QuarkusTest
class HealthMetricsAndOpenApiTest {

    @Test
    void readinessChecksTheDatabase() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                // Quarkus' datasource check is off (it would say DOWN while SMS go to the spool); this one reports it.
                .body("checks.name", hasItem("sms-intake"))
                .body("checks.find { it.name == 'sms-intake' }.data.database", equalTo("up"));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("agroal_"));
    }

    @Test
    void theApiIsDocumentedWithBasicAuth() {
        Management.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/communities"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/communities/{code}/members"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tickets/{reference}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tickets/{reference}/reports"))
                .body("components.schemas.TicketView.properties", org.hamcrest.Matchers.hasKey("incident"))
                .body("components.schemas.TicketView.properties", org.hamcrest.Matchers.hasKey("reports"))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("basic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/metrics", "/q/openapi", "/q/health", "/q/health/ready", "/q/health/live"})
    void thePublicPortDoesNotServeThem(String path) {
        given().get(path).then().statusCode(404);
    }
}
