package org.aguavoz.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every request here is sent without credentials: Open311 is public. */
@QuarkusTest
class Open311ResourceTest {

    private static final String REQUESTS = "/open311/v2/requests.json";

    @Inject
    TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void listsOneServicePerCategory() {
        given().get("/open311/v2/services.json").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("service_code", contains("outage", "quality", "leak", "billing", "integrity", "other"))
                .body("metadata", everyItem(equalTo(false)))
                .body("type", everyItem(equalTo("realtime")))
                .body("group", everyItem(equalTo("agua")))
                .body("description", everyItem(not(emptyOrNullString())))
                .body("keywords", everyItem(not(emptyOrNullString())))
                .body("find { it.service_code == 'outage' }.service_name", equalTo("Sin agua"))
                .body("find { it.service_code == 'quality' }.service_name", equalTo("Agua sucia"))
                .body("find { it.service_code == 'integrity' }.service_name", equalTo("Corrupción"));
    }

    @Test
    void showsOneRequestWithItsCommunityAndDeadline() {
        String code = communityAt("Cerro Tzajalchén", "16.771234", "-93.301234");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String reference = report(TwilioWebhook.freshVillager(), code + " sin agua desde el martes");

        Response response = given().get("/open311/v2/requests/{id}.json", reference);
        response.then().statusCode(200).contentType(ContentType.JSON)
                .body("$", hasSize(1))
                .body("[0].service_request_id", equalTo(reference))
                .body("[0].status", equalTo("open"))
                .body("[0].status_notes", equalTo("open"))
                .body("[0].service_code", equalTo("outage"))
                .body("[0].service_name", equalTo("Sin agua"))
                .body("[0].description", equalTo("Sin agua"))
                .body("[0].agency_responsible", equalTo("Organismo municipal de agua"))
                .body("[0].address", equalTo("Cerro Tzajalchén (" + code + ")"))
                .body("[0].address_id", equalTo(code));
        // as decimals, not floats: a float is off in the sixth decimal, about 10 cm
        JsonPath exact = response.jsonPath(
                JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        assertEquals(new BigDecimal("16.771234"), exact.get("[0].lat"));
        assertEquals(new BigDecimal("-93.301234"), exact.get("[0].long"));
        Instant requested = Instant.parse(response.jsonPath().getString("[0].requested_datetime"));
        assertFalse(requested.isBefore(before), "requested_datetime " + requested + " before " + before);
        assertEquals(response.jsonPath().getString("[0].requested_datetime"),
                response.jsonPath().getString("[0].updated_datetime"));
        // outage: 72 h to resolve (V0003 defaults); shown to the second
        assertEquals(requested.plus(Duration.ofHours(72)),
                Instant.parse(response.jsonPath().getString("[0].expected_datetime")));
        assertEquals(Set.of("service_request_id", "status", "status_notes", "service_name", "service_code",
                "description", "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime",
                "address", "address_id", "lat", "long"), response.jsonPath().getMap("[0]").keySet());
    }

    @Test
    void aCommunityWithoutLocationHasNoLatOrLong() {
        String code = TestCommunities.create("Paraje Yaxbolom");
        String reference = report(TwilioWebhook.freshVillager(), code + " fuga en la entrada");

        Map<String, Object> request = given().get("/open311/v2/requests/{id}.json", reference).then().statusCode(200)
                .body("[0].service_code", equalTo("leak"))
                .extract().jsonPath().getMap("[0]");
        assertFalse(request.containsKey("lat") || request.containsKey("long"), request.toString());
    }

    @Test
    void filtersByServiceCodeAndStatus() {
        String code = TestCommunities.create("Rancho Chulumtic");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Eusebia Gómez", member);
        String outage = report(TwilioWebhook.freshVillager(), code + " sin agua");
        String quality = report(TwilioWebhook.freshVillager(), code + " agua sucia");
        String acknowledged = report(TwilioWebhook.freshVillager(), code + " fuga grande");
        // Another community's outage: one of this community would join the first one's incident and be resolved
        // with it.
        String elsewhere = TestCommunities.create("Rancho Chulumtic Alto");
        String elsewhereMember = TwilioWebhook.freshVillager();
        TestCommunities.addMember(elsewhere, "Andrés Gómez", elsewhereMember);
        String resolved = report(TwilioWebhook.freshVillager(), elsewhere + " sin agua otra vez");
        TwilioWebhook.smsReply(member, "OK " + acknowledged);
        TwilioWebhook.smsReply(elsewhereMember, "LISTO " + resolved);

        given().queryParam("service_code", "outage").get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItems(outage, resolved))
                .body("service_request_id", not(hasItem(quality)))
                .body("service_code", everyItem(equalTo("outage")));
        given().queryParam("service_code", "quality,leak").get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItems(quality, acknowledged))
                .body("service_request_id", not(hasItem(outage)));
        given().queryParam("status", "closed").get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItem(resolved))
                .body("service_request_id", not(hasItem(outage)))
                .body("status", everyItem(equalTo("closed")))
                .body("find { it.service_request_id == '" + resolved + "' }.status_notes", equalTo("resolved"));
        given().queryParam("status", "open").get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItems(outage, quality, acknowledged))
                .body("service_request_id", not(hasItem(resolved)))
                .body("status", everyItem(equalTo("open")))
                .body("find { it.service_request_id == '" + acknowledged + "' }.status_notes", equalTo("acknowledged"));
        given().queryParam("status", "open").queryParam("status", "closed").queryParam("service_code", "outage")
                .get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItems(outage, resolved));
    }

    @Test
    void eachReportOfAnIncidentIsARequestAndNamesItsFirstReportWhenAsked() {
        String code = TestCommunities.create("Paraje Natividad");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Tomasa López", member);
        String first = report(TwilioWebhook.freshVillager(), code + " sin agua");
        List<String> joined = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            joined.add(report(TwilioWebhook.freshVillager(), code + " no hay agua"));
        }
        String alone = report(TwilioWebhook.freshVillager(), code + " cobran de mas la cuota");
        String all = String.join(",", first, String.join(",", joined), alone);
        TwilioWebhook.smsReply(member, "OK " + joined.get(2)); // acknowledges the whole incident

        // Six reports, six requests, each in the state the incident is in; no extension unless asked for.
        Response plain = given().queryParam("service_request_id", all).get(REQUESTS);
        plain.then().statusCode(200).body("$", hasSize(6))
                .body("findAll { it.service_code == 'outage' }.status_notes", everyItem(equalTo("acknowledged")));
        assertFalse(plain.asString().contains("extended_attributes"), plain.asString());

        Response extended = given().queryParam("service_request_id", all).queryParam("extensions", "true").get(REQUESTS);
        extended.then().statusCode(200).body("$", hasSize(6))
                .body("find { it.service_request_id == '" + first + "' }.extended_attributes.duplicate", equalTo(false))
                .body("find { it.service_request_id == '" + alone + "' }.extended_attributes.duplicate", equalTo(false))
                .body("findAll { it.extended_attributes.duplicate }.service_request_id",
                        containsInAnyOrder(joined.toArray()))
                .body("findAll { it.extended_attributes.duplicate }.extended_attributes.parent_service_request_id",
                        everyItem(equalTo(first)));
        assertEquals(Set.of("duplicate"), extended.jsonPath()
                .getMap("find { it.service_request_id == '" + first + "' }.extended_attributes").keySet());
        // Counting problems: a request's parent, or itself.
        assertEquals(2, extended.jsonPath().getList("collect { it.extended_attributes.parent_service_request_id "
                + "?: it.service_request_id }").stream().distinct().count());

        given().queryParam("extensions", "true").get("/open311/v2/requests/{id}.json", joined.get(0)).then()
                .statusCode(200).body("[0].extended_attributes.parent_service_request_id", equalTo(first));
        given().queryParam("extensions", "yes").get(REQUESTS).then().statusCode(400)
                .body("[0].description", containsString("extensions"));
    }

    @Test
    void serviceRequestIdsOverrideEveryOtherArgument() {
        String code = TestCommunities.create("Ejido Bachajontic");
        String first = report(TwilioWebhook.freshVillager(), code + " sin agua");
        String second = report(TwilioWebhook.freshVillager(), code + " agua sucia");
        report(TwilioWebhook.freshVillager(), code + " fuga");

        given().queryParam("service_request_id", first + "," + second).get(REQUESTS).then().statusCode(200)
                .body("service_request_id", containsInAnyOrder(first, second));
        given().queryParam("service_request_id", first).queryParam("status", "closed")
                .queryParam("service_code", "billing").get(REQUESTS).then().statusCode(200)
                .body("service_request_id", contains(first));
    }

    @Test
    void searchesTheLast90DaysUnlessGivenDates() {
        String code = TestCommunities.create("Colonia Tzontehuitzic");
        Instant longAgo = Instant.now().minus(Duration.ofDays(100));
        clock.setTo(longAgo);
        String old = report(TwilioWebhook.freshVillager(), code + " sin agua");
        clock.reset();
        String recent = report(TwilioWebhook.freshVillager(), code + " agua sucia");
        Instant now = Instant.now();

        given().get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItem(recent))
                .body("service_request_id", not(hasItem(old)));
        given().queryParam("start_date", w3(longAgo.minus(Duration.ofDays(1))))
                .queryParam("end_date", w3(longAgo.plus(Duration.ofDays(1)))).get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItem(old))
                .body("service_request_id", not(hasItem(recent)));
        // start_date alone: the 90 days from it
        given().queryParam("start_date", w3(longAgo.minus(Duration.ofHours(1)))).get(REQUESTS).then().statusCode(200)
                .body("service_request_id", hasItem(old))
                .body("service_request_id", not(hasItem(recent)));
        // end_date alone: the 90 days up to it
        given().queryParam("end_date", w3(now.minus(Duration.ofHours(1)))).get(REQUESTS).then().statusCode(200)
                .body("service_request_id", not(hasItem(recent)))
                .body("service_request_id", not(hasItem(old)));
        given().queryParam("start_date", w3(now.plus(Duration.ofHours(1)))).get(REQUESTS).then().statusCode(200)
                .body("service_request_id", not(hasItem(recent)));
        // a time zone offset, sent unencoded as people type it: the '+' arrives as a space
        given().urlEncodingEnabled(false)
                .get(REQUESTS + "?start_date=" + w3(now.minus(Duration.ofHours(1))).replace("Z", "+00:00"))
                .then().statusCode(200)
                .body("service_request_id", hasItem(recent));
    }

    @Test
    void anUnknownRequestIsA404ErrorArray() {
        for (String id : List.of("1234567", "abcd")) {
            given().get("/open311/v2/requests/{id}.json", id).then().statusCode(404)
                    .contentType(ContentType.JSON)
                    .body("$", hasSize(1))
                    .body("[0].code", equalTo(404))
                    .body("[0].description", containsString(id));
        }
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource(delimiter = '|', textBlock = """
            status             | pending
            service_code       | pothole
            service_code       | outage,pothole
            start_date         | ayer
            start_date         | 2026-03-01T00:00:00
            end_date           | 2026-03-01
            service_request_id | 4821,abc
            """)
    void aBadArgumentIsA400ErrorArray(String name, String value) {
        given().queryParam(name, value).get(REQUESTS).then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("$", hasSize(1))
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString(name));
    }

    @Test
    void aWindowLongerThan90DaysOrBackwardsIsA400() {
        given().queryParam("start_date", "2026-01-01T00:00:00Z").queryParam("end_date", "2026-04-02T00:00:00Z")
                .get(REQUESTS).then().statusCode(400)
                .body("[0].code", equalTo(400))
                .body("[0].description", containsString("90 days"));
        given().queryParam("start_date", "2026-03-01T00:00:00Z").queryParam("end_date", "2026-02-01T00:00:00Z")
                .get(REQUESTS).then().statusCode(400)
                .body("[0].description", containsString("start_date"));
    }

    @Test
    void noResponseCarriesAPhoneNumberOrTheReportersWords() {
        String code = TestCommunities.create("Barranca Xulvó");
        String villager = TwilioWebhook.freshVillager();
        String whistleblower = TwilioWebhook.freshVillager();
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Crisanto Hernández", member);
        String outage = report(villager, code + " sin agua en casa de Filomena desde el lunes");
        TwilioWebhook.smsReply(member, "NOTA " + outage + " manana viene Crisanto con la llave");
        String integrity = report(whistleblower, "ANONIMO " + code + " el tesorero cobra de mas");

        List<String> bodies = List.of(
                given().get("/open311/v2/services.json").asString(),
                given().get(REQUESTS).asString(),
                given().queryParam("service_code", "integrity").get(REQUESTS).asString(),
                given().queryParam("service_request_id", outage + "," + integrity).get(REQUESTS).asString(),
                given().get("/open311/v2/requests/{id}.json", outage).asString(),
                given().get("/open311/v2/requests/{id}.json", integrity).asString());

        given().get("/open311/v2/requests/{id}.json", integrity).then().statusCode(200)
                .body("[0].service_code", equalTo("integrity"))
                .body("[0].description", equalTo("Corrupción"));
        given().get("/open311/v2/requests/{id}.json", outage).then().statusCode(200)
                .body("[0].status_notes", equalTo("in_progress"));
        for (String body : bodies) {
            for (String phone : List.of(villager, whistleblower, member)) {
                assertFalse(body.contains(phone), phone + " in " + body);
                assertFalse(body.contains(phone.substring(1)), phone + " without + in " + body);
                assertFalse(body.contains(phone.substring(3)), phone + " without +52 in " + body);
            }
            for (String words : List.of("Filomena", "desde el lunes", "tesorero", "cobra de mas", "Crisanto",
                    "manana viene")) {
                assertFalse(body.contains(words), "'" + words + "' in " + body);
            }
        }
    }

    /** Files a report by signed SMS webhook, as a villager would, and returns its reference. */
    private static String report(String phone, String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(phone, text));
    }

    private static String communityAt(String name, String latitude, String longitude) {
        String code = TestCommunities.freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"latitude\":" + latitude
                        + ",\"longitude\":" + longitude + "}")
                .post("/api/v1/communities")
                .then().statusCode(201);
        return code;
    }

    private static String w3(Instant instant) {
        return ServiceRequestView.w3(instant);
    }

    @org.junit.jupiter.api.Test
    void civicToolsOnOtherSitesMayReadItButNotTheStaffApi() {
        io.restassured.RestAssured.given().header("Origin", "https://mapa.example.org").get("/open311/v2/services.json")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        io.restassured.RestAssured.given().header("Origin", "https://mapa.example.org").get("/public/figures.json")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        org.aguavoz.TestStaff.asViewer().header("Origin", "https://mapa.example.org").get("/api/v1/agency")
                .then().statusCode(200).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }
}
