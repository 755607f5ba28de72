package org.aguavoz.benchmark;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.Test;

/** The benchmark's unsigned insert endpoint must not exist unless someone turns it on. */
@QuarkusTest
class BaselineResourceTest {

    @Test
    void isNotFoundUnlessTurnedOn() {
        given().contentType("application/x-www-form-urlencoded")
                .body(TwilioWebhook.encode(TwilioWebhook.sms(TwilioWebhook.freshVillager(), "101 sin agua")))
                .post("/benchmark/baseline")
                .then().statusCode(404);
    }
}
