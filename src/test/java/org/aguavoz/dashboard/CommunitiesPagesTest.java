package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.communities.CommunityNames;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Communities and rosters through the dashboard's forms (session + CSRF), checked through the API. */
@QuarkusTest
class CommunitiesPagesTest {

    private String session;
    private final String token = "c".repeat(43);

    @BeforeEach
    void loggedIn() {
        session = DashboardSecurityTest.logIn("admin", TestStaff.ADMIN_PASSWORD);
    }

    @Test
    void aCommunityIsCreatedRenamedAndItsCommitteeChangesKeepingTheHistory() {
        String code = TestCommunities.freshCode();
        post("/communities", Map.of("code", code, "name", "Santa Rita Abajo", "aliases", "sta rita | Santa Rita"))
                .header("Location", endsWith("/communities/" + code));
        String renumbered = TestCommunities.freshCode();
        post("/communities/" + code, Map.of("newCode", renumbered, "name", "Santa Rita de Abajo",
                "aliases", "santa rita | sta. rita abajo")).header("Location", endsWith("/communities/" + renumbered));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().statusCode(404);
        code = renumbered; // new posters were printed
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().body("name", equalTo("Santa Rita de Abajo"))
                .body("aliases", contains("Santa Rita", "sta. rita abajo")); // a variant that stays keeps its first spelling

        String phone = TwilioWebhook.freshVillager();
        post("/communities/" + code + "/members", Map.of("name", "Irma Solís", "phone", phone, "role", "treasurer"));
        post("/communities/" + code + "/members", Map.of("name", "Otra vez", "phone", phone, "role", "member"))
                .header("Location", endsWith("problem=member"));
        long id = TestStaff.asAdmin().get("/api/v1/communities/{c}/members", code).then()
                .body("name", contains("Irma Solís")).extract().jsonPath().getLong("[0].id");
        post("/communities/" + code + "/members/" + id + "/end", Map.of());
        TestStaff.asAdmin().get("/api/v1/communities/{c}/members", code).then().body("current", contains(false));

        given().cookie("aguavoz-session", session).get("/communities/" + code).then().statusCode(200)
                .body(containsString("Irma Solís")).body(containsString("class=\"past\""));
    }

    @Test
    void aTakenCodeOrVariantIsToldNotStored() {
        String code = TestCommunities.freshCode();
        post("/communities", Map.of("code", code, "name", "Peña Blanca Norte", "aliases", "Peña Blanca N"));
        post("/communities", Map.of("code", code, "name", "Otra")).header("Location", endsWith("problem=code"));
        String second = TestCommunities.freshCode();
        post("/communities", Map.of("code", second, "name", "Peña Blanca Sur"));
        post("/communities/" + second, Map.of("newCode", code, "name", "Peña Blanca Sur", "aliases", ""))
                .header("Location", endsWith("problem=code"));
        String other = TestCommunities.freshCode();
        post("/communities", Map.of("code", other, "name", "Otra", "aliases", "pena blanca n"))
                .header("Location", endsWith("problem=aliases"));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", other).then().statusCode(404);
        given().cookie("aguavoz-session", session).get("/communities?problem=aliases").then()
                .body(containsString("ya nombra a otra comunidad")).body(not(containsString("already names")));
    }

    @Test
    void aCommunityNameOrVariantOfMoreThanOneShortLineIsToldNotStored() {
        String code = TestCommunities.freshCode();
        post("/communities", Map.of("code", code, "name", "Santa Rita\r\nAVISO: llame al 961"))
                .header("Location", endsWith("problem=communityName"));
        post("/communities", Map.of("code", code, "name", "x".repeat(CommunityNames.MAX_NAME + 1)))
                .header("Location", endsWith("problem=communityName"));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().statusCode(404);
        given().cookie("aguavoz-session", session).get("/communities?problem=communityName").then()
                .body(containsString("una sola línea de hasta 80 caracteres"));

        post("/communities", Map.of("code", code, "name", "Santa Rita Arriba"));
        post("/communities/" + code, Map.of("newCode", code, "name", "Santa Rita Arriba",
                "aliases", "sta rita arriba | " + "y".repeat(CommunityNames.MAX_ALIAS + 1)))
                .header("Location", endsWith("problem=aliases"));
        post("/communities/" + code, Map.of("newCode", code, "name", "Santa Rita\tArriba", "aliases", ""))
                .header("Location", endsWith("problem=communityName"));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().body("name", equalTo("Santa Rita Arriba"))
                .body("aliases", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRosterCsvWithAMultiLineCommunityNameIsShownWithItsErrorAndNotImported() {
        String code = TestCommunities.freshCode();
        String other = TestCommunities.freshCode();
        String csv = "codigo,comunidad,alias\n"
                + code + ",\"Santa Rita\nAVISO: llame al 961\",\n"
                + other + ",Santa Rita Baja,\"sta rita\nbaja\"\n";

        given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .formParam("csv", csv).redirects().follow(false).post("/communities/import")
                .then().statusCode(200)
                .body(containsString("el nombre de la comunidad debe ser una sola línea de hasta 80 caracteres"))
                .body(containsString("cada variante debe ser una sola línea de hasta 60 caracteres"));

        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().statusCode(404);
        TestStaff.asAdmin().get("/api/v1/communities/{c}", other).then().statusCode(404);
    }

    private io.restassured.response.ValidatableResponse post(String path, Map<String, String> form) {
        return given().cookie("aguavoz-session", session).cookie("aguavoz-csrf", token).formParam("csrf", token)
                .formParams(form).redirects().follow(false).post(path).then().statusCode(303);
    }
}
