package org.aguavoz.communities;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.aguavoz.TestClients;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CommunityResourceTest {

    @Test
    void createsACommunityAndFindsItByCode() {
        String code = TestCommunities.freshCode();

        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"Los Ángeles","aliases":["los angeles %s", "Los Anjeles %s"]}
                        """.formatted(code, code, code))
                .post("/api/v1/communities")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/communities/" + code))
                .body("code", equalTo(code))
                .body("name", equalTo("Los Ángeles"))
                .body("aliases", contains("los angeles " + code, "Los Anjeles " + code));

        TestStaff.asViewer().get("/api/v1/communities/{code}", code)
                .then().statusCode(200)
                .body("name", equalTo("Los Ángeles"))
                .body("createdAt", not(equalTo(null)));
        TestStaff.asViewer().get("/api/v1/communities")
                .then().statusCode(200)
                .body("code", hasItem(code));
    }

    @Test
    void aDuplicateCodeIsAConflictAndChangesNothing() {
        String code = TestCommunities.create("Vista Hermosa");

        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Otra\"}")
                .post("/api/v1/communities")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("errors[0].field", equalTo("code"));

        TestStaff.asAdmin().get("/api/v1/communities/{code}", code)
                .then().body("name", equalTo("Vista Hermosa"));
    }

    @Test
    void aSpellingVariantOfAnotherCommunityIsAConflictAndNothingIsHalfStored() {
        String first = TestCommunities.freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + first + "\",\"name\":\"Montebello\",\"aliases\":[\"monte bello " + first + "\"]}")
                .post("/api/v1/communities").then().statusCode(201);

        String second = TestCommunities.freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + second + "\",\"name\":\"Otro\",\"aliases\":[\"nuevo " + second
                        + "\", \"MONTE BELLO " + first + "\"]}")
                .post("/api/v1/communities")
                .then().statusCode(409)
                .body("errors[0].field", equalTo("aliases"));

        TestStaff.asAdmin().get("/api/v1/communities/{code}", second).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"name":"Sin código"}                                     | code
        {"code":"12a","name":"Letras"}                            | code
        {"code":"1234567","name":"Siete dígitos"}                 | code
        {"code":"777001"}                                          | name
        {"code":"777002","name":"   "}                             | name
        {"code":"777003","name":"Solo latitud","latitude":16.7}    | longitude
        {"code":"777004","name":"Lejos","latitude":95,"longitude":0} | latitude
        {"code":"777005","name":"Alias vacío","aliases":[""]}      | aliases[0]
        {"code":"777006","name":"Alias raro","aliases":["!!!"]}    | aliases
        {"code":"777007","name":"Tipo","aliases":"no es lista"}   | aliases
        {"code":"777008","name":"Tipo","latitude":"norte","longitude":1} | latitude
        """)
    void badInputNamesTheFieldAndStoresNothing(String body, String field) {
        TestStaff.asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/v1/communities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void badJsonAndAMissingBodyAreClientErrors() {
        TestStaff.asAdmin().contentType(ContentType.JSON).body("{\"code\":")
                .post("/api/v1/communities")
                .then().statusCode(400).contentType("application/problem+json");
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .post("/api/v1/communities")
                .then().statusCode(400).contentType("application/problem+json");
        TestStaff.asAdmin().contentType(ContentType.TEXT).body("code=1")
                .post("/api/v1/communities")
                .then().statusCode(415);
    }

    @Test
    void anUnknownOrMalformedCodeIsNamed() {
        TestStaff.asAdmin().get("/api/v1/communities/999999").then().statusCode(404)
                .contentType("application/problem+json");
        TestStaff.asAdmin().get("/api/v1/communities/abc").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    void onlyAuthenticatedStaffMayUseTheApiAndViewersOnlyRead() {
        given().get("/api/v1/communities").then().statusCode(401);
        // Wrong passwords slow down their address: sent from addresses of their own, not from 127.0.0.1.
        String path = "/api/v1/communities";
        assertEquals(401, TestClients.basic(TestClients.freshAddress(), path, "admin", "wrong-password").status());
        assertEquals(401, TestClients.basic(TestClients.freshAddress(), path, "nobody-here", "wrong-pass").status());
        TestStaff.asViewer().contentType(ContentType.JSON)
                .body("{\"code\":\"" + TestCommunities.freshCode() + "\",\"name\":\"Prohibido\"}")
                .post("/api/v1/communities")
                .then().statusCode(403);
        TestStaff.asStaff().contentType(ContentType.JSON)
                .body("{\"code\":\"" + TestCommunities.freshCode() + "\",\"name\":\"Permitido\"}")
                .post("/api/v1/communities")
                .then().statusCode(201);
    }

    @Test
    void variantsThatDifferOnlyInAccentsAreOneVariant() {
        String code = TestCommunities.freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Ángeles\",\"aliases\":[\"Ángeles " + code
                        + "\",\"angeles " + code + "\"]}")
                .post("/api/v1/communities")
                .then().statusCode(201)
                .body("aliases", hasSize(1));
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
        a line break in the name          | name
        a carriage return in the name     | name
        a tab in the name                 | name
        a NUL in the name                 | name
        a right-to-left override          | name
        a name of 81 characters           | name
        a line break in a variant         | aliases
        a variant of 61 characters        | aliases
        """)
    void namesAndVariantsAreOneShortLine(String description, String field) {
        String code = TestCommunities.freshCode();
        String name = switch (description) {
            case "a line break in the name" -> "Santa Rita\nAVISO: llame al 961";
            case "a carriage return in the name" -> "Santa Rita\rOtra";
            case "a tab in the name" -> "Santa\tRita";
            case "a NUL in the name" -> "Santa" + (char) 0 + "Rita";
            case "a right-to-left override" -> "Santa " + (char) 0x202E + "Rita";
            case "a name of 81 characters" -> "a".repeat(CommunityNames.MAX_NAME + 1);
            default -> "Santa Rita " + code;
        };
        String alias = switch (description) {
            case "a line break in a variant" -> "sta\nrita " + code;
            case "a variant of 61 characters" -> "b".repeat(CommunityNames.MAX_ALIAS + 1);
            default -> "sta rita " + code;
        };

        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body(java.util.Map.of("code", code, "name", name, "aliases", java.util.List.of(alias)))
                .post("/api/v1/communities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(field));
        TestStaff.asAdmin().get("/api/v1/communities/{code}", code).then().statusCode(404);
    }

    @Test
    void aNameOfEightyAndVariantsOfSixtyCharactersAreFine() {
        String code = TestCommunities.freshCode();
        String name = ("Ñ" + code + " ").repeat(20).substring(0, CommunityNames.MAX_NAME);
        String alias = ("v" + code + " ").repeat(20).substring(0, CommunityNames.MAX_ALIAS - 1) + "x";
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body(java.util.Map.of("code", code, "name", name, "aliases", java.util.List.of(alias)))
                .post("/api/v1/communities")
                .then().statusCode(201)
                .body("name", equalTo(name.strip()));
    }
}
