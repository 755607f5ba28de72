package org.aguavoz.committees;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class CommitteeResourceTest {

    @Test
    void addsAMemberWithTheNumberTypedTheLocalWay() {
        String code = TestCommunities.create("Las Maravillas");

        int id = addMember(code, "Ana Pérez", "961 123 4567", "president")
                .then().statusCode(201)
                .body("phone", equalTo("+529611234567"))
                .body("role", equalTo("president"))
                .body("current", equalTo(true))
                .extract().path("id");

        TestStaff.asStaff().get("/api/v1/communities/{code}/members", code)
                .then().statusCode(200)
                .body("id", contains(id))
                .body("[0].name", equalTo("Ana Pérez"))
                .body("[0].phone", equalTo("+529611234567"));
    }

    @Test
    void endingAMembershipKeepsItInTheHistory() {
        String code = TestCommunities.create("El Sabino");
        int old = addMember(code, "Hilario Gómez", "+52 961 555 0209", "president").then().statusCode(201)
                .extract().path("id");
        int current = addMember(code, "Teresa Ruiz", "+52 961 555 0251", "president").then().statusCode(201)
                .extract().path("id");

        TestStaff.asStaff().delete("/api/v1/communities/{code}/members/{id}", code, old)
                .then().statusCode(200)
                .body("current", equalTo(false))
                .body("endedAt", not(nullValue()));
        // Ending twice changes nothing; the first end date stays.
        String endedAt = TestStaff.asStaff().delete("/api/v1/communities/{code}/members/{id}", code, old)
                .then().statusCode(200).extract().path("endedAt");

        TestStaff.asStaff().get("/api/v1/communities/{code}/members", code)
                .then().statusCode(200)
                .body("id", contains(current, old))
                .body("current", contains(true, false))
                .body("[1].endedAt", equalTo(endedAt));
    }

    @Test
    void aPhoneBelongsToOneCurrentMemberOfACommitteeButMayReturnAfterwards() {
        String code = TestCommunities.create("Montebello");
        int first = addMember(code, "Miguel Sántiz", "9615550243", "operator").then().statusCode(201)
                .extract().path("id");

        addMember(code, "Otra Persona", "+52 961 555 0243", "member")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("phone"));

        TestStaff.asStaff().delete("/api/v1/communities/{code}/members/{id}", code, first).then().statusCode(200);
        addMember(code, "Miguel Sántiz", "+529615550243", "president").then().statusCode(201);

        // The same phone may sit on another community's committee.
        String other = TestCommunities.create("Vista Hermosa");
        addMember(other, "Miguel Sántiz", "+529615550243", "member").then().statusCode(201);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"phone":"9611234567","role":"president"}                  | name
        {"name":"Ana","role":"president"}                          | phone
        {"name":"Ana","phone":"hola","role":"president"}           | phone
        {"name":"Ana","phone":"123","role":"president"}            | phone
        {"name":"Ana","phone":"9611234567"}                        | role
        {"name":"Ana","phone":"9611234567","role":"presidenta"}    | role
        """)
    void badInputNamesTheField(String body, String field) {
        String code = TestCommunities.create("Efraín A. Gutiérrez");
        TestStaff.asStaff().contentType(ContentType.JSON).body(body)
                .post("/api/v1/communities/{code}/members", code)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        TestStaff.asStaff().get("/api/v1/communities/{code}/members", code)
                .then().body("size()", equalTo(0));
    }

    @Test
    void viewersSeeTheRosterButNotThePhoneNumbers() {
        String code = TestCommunities.create("Joaquín Miguel Gutiérrez");
        addMember(code, "Lucía Sántiz", "+529615550222", "secretary").then().statusCode(201);

        TestStaff.asViewer().get("/api/v1/communities/{code}/members", code)
                .then().statusCode(200)
                .body("[0].name", equalTo("Lucía Sántiz"))
                .body("[0].phone", equalTo("+52*******222"));
        TestStaff.asViewer().contentType(ContentType.JSON)
                .body("{\"name\":\"X\",\"phone\":\"9611234567\",\"role\":\"member\"}")
                .post("/api/v1/communities/{code}/members", code)
                .then().statusCode(403);
    }

    @Test
    void membersAreFoundOnlyWithinTheirCommunity() {
        String code = TestCommunities.create("Primera Prueba");
        String other = TestCommunities.create("Segunda Prueba");
        int id = addMember(code, "Ana", "+529615550299", "member").then().statusCode(201).extract().path("id");

        TestStaff.asStaff().delete("/api/v1/communities/{code}/members/{id}", other, id).then().statusCode(404);
        TestStaff.asStaff().get("/api/v1/communities/999998/members").then().statusCode(404);
    }

    private static io.restassured.response.Response addMember(String code, String name, String phone, String role) {
        return TestStaff.asStaff().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"role\":\"" + role + "\"}")
                .post("/api/v1/communities/{code}/members", code);
    }
}
