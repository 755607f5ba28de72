package org.aguavoz.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What staff see of an incident, on the pages and through the API: a wave of five SMS reports of one community is
 * one row of the open-tickets page, each report's page lists the five (without a number, words as the role may read
 * them), and staff take a report out and join it back, each an event of its timeline.
 */
@QuarkusTest
class IncidentPagesTest {

    private static final String CSRF = "i".repeat(43);

    @Inject
    TestClock clock;

    private String code;
    private final List<String> phones = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private String staffSession;

    /** Five villagers of one community report no water. */
    @BeforeEach
    void aWaveOfFiveReports() {
        code = TestCommunities.create("Nuevo Progreso");
        for (int i = 0; i < 5; i++) {
            String phone = TwilioWebhook.freshVillager();
            String text = i < 4 ? code + " sin agua en la calle " + (i + 1) + " desde la mañana"
                    : code + " no hay agua en la casa de mi abuela";
            phones.add(phone);
            references.add(TwilioWebhook.referenceIn(TwilioWebhook.smsReply(phone, text)));
        }
        TestStaff.asStaff().get("/api/v1/agency").then().statusCode(200);
        staffSession = TestStaff.logIn("test-staff", TestStaff.PASSWORD);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void theWaveIsOneRowWithItsCountAndTheFiltersStillWork() {
        String incident = references.get(0);
        List<String> rows = rows("?community=" + code);
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains("<a href=\"/tickets/" + incident + "\">" + incident + "</a> · 5 reportes"),
                rows.get(0));
        assertTrue(rows("?community=" + code + "&lang=en").get(0).contains(" · 5 reports"));

        assertEquals(1, rows("?community=" + code + "&category=outage").size());
        assertEquals(0, rows("?community=" + code + "&category=leak").size());
        assertEquals(1, rows("?community=" + code + "&status=open").size());
        assertEquals(0, rows("?community=" + code + "&status=closed").size());
        assertEquals(0, rows("?community=" + code + "&late=true").size());

        // A bill stands alone (billing never groups): a row of its own, without a count.
        String bill = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(),
                code + " me cobraron de mas el recibo"));
        rows = rows("?community=" + code);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(">" + bill + "</a></td>")), rows.toString());

        clock.advance(Duration.ofHours(13)); // 12 h to acknowledge no water: the incident is late, the bill is not
        rows = rows("?community=" + code + "&late=true");
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("<tr class=\"late\">"), rows.get(0));
        assertTrue(rows.get(0).contains(incident + "</a> · 5 reportes"), rows.get(0));
    }

    @Test
    void everyReportsPageListsTheIncidentWithoutNumbers() {
        String incident = references.get(0);
        TestStaff.asViewer().get("/api/v1/agency").then().statusCode(200);
        String viewer = TestStaff.logIn("test-viewer", TestStaff.PASSWORD);
        String page = page(viewer, references.get(2));
        assertTrue(page.contains("Incidente " + incident + " · 5 reportes"), page);
        List<String> listed = listed(page);
        assertEquals(references, listed.stream().map(IncidentPagesTest::linkedReference).toList());
        assertTrue(listed.get(2).startsWith("<li class=\"current\""), listed.get(2));
        // Protected reports (integrity, anonymous) never join an incident, so a viewer reads every report's words.
        assertTrue(listed.get(1).contains(code + " sin agua en la calle 2 desde la mañana"), listed.get(1));
        assertTrue(listed.get(4).contains(code + " no hay agua en la casa de mi abuela"), listed.get(4));
        phones.forEach(phone -> assertFalse(page.contains(phone.substring(1)), "a viewer saw " + phone));

        // Staff see the number of the report whose page it is, and never one in the list.
        String staff = page(staffSession, references.get(2));
        assertTrue(staff.contains(phones.get(2)), "staff see this report's number");
        String list = staff.substring(staff.indexOf("<section class=\"incident\">"), staff.indexOf("</section>"));
        phones.forEach(phone -> assertFalse(list.contains(phone.substring(1)), "the list shows " + phone));
        assertTrue(staff.contains("action=\"/tickets/" + references.get(2) + "/split\""), "staff may take it out");
        assertFalse(page(staffSession, incident).contains("/split\""), "the first report stays in its incident");
    }

    @Test
    void aReportIsTakenOutAndJoinedBackEachAnEventOfItsTimeline() {
        String incident = references.get(0);
        String third = references.get(2);

        act(third, "split", Map.of()).then().header("Location", endsWith("/tickets/" + third));
        List<String> rows = rows("?community=" + code);
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(incident + "</a> · 4 reportes")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains(">" + third + "</a></td>")), rows.toString());
        TestStaff.asStaff().get("/api/v1/tickets/{r}", third).then().body("incident", nullValue())
                .body("reports", equalTo(1)).body("events.type", contains("opened", "joined", "split"))
                .body("events[2].note", equalTo("← " + incident));
        String page = page(staffSession, third);
        assertTrue(page.contains("<strong>separado del incidente</strong> test-staff"), page);
        assertFalse(page.contains("<section class=\"incident\">"), "a report alone lists no incident");

        act(incident, "split", Map.of()).then().header("Location", endsWith("/tickets/" + incident + "?refused=split"));
        assertTrue(page(staffSession, incident + "?refused=split").contains("Este es el primer reporte del incidente"
                + " y no se puede separar"));
        act(third, "split", Map.of()).then().header("Location", endsWith("?refused=split"));
        assertTrue(page(staffSession, third + "?refused=split").contains("no es parte de un incidente"));
        String elsewhere = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(),
                TestCommunities.create("Nuevo Progreso Dos") + " sin agua"));
        act(third, "merge", Map.of("into", elsewhere)).then().header("Location", endsWith("?refused=merge"));
        assertTrue(page(staffSession, third + "?refused=merge").contains("de la misma comunidad"));

        act(third, "merge", Map.of("into", incident)).then().header("Location", endsWith("/tickets/" + incident));
        rows = rows("?community=" + code);
        assertEquals(1, rows.size(), rows.toString());
        assertTrue(rows.get(0).contains(incident + "</a> · 5 reportes"), rows.get(0));
        TestStaff.asStaff().get("/api/v1/tickets/{r}", third).then().body("incident", equalTo(incident))
                .body("reports", equalTo(5)).body("events[3].type", equalTo("merged"))
                .body("events[3].note", equalTo("→ " + incident));
        assertTrue(page(staffSession, third).contains("<strong>reportes unidos</strong> test-staff"));
        assertTrue(page(staffSession, incident).contains("Unir al incidente del reporte"));
    }

    @Test
    void theApiShowsTheIncidentOnEveryTicketAndListsItsReports() {
        String incident = references.get(0);
        TestStaff.asViewer().get("/api/v1/tickets/{r}", references.get(3)).then().statusCode(200)
                .body("incident", equalTo(incident)).body("reports", equalTo(5));
        TestStaff.asViewer().get("/api/v1/tickets?community={c}", code).then().statusCode(200)
                .body("size()", equalTo(5)).body("incident", everyItem(equalTo(incident)))
                .body("reports", everyItem(equalTo(5)));

        Response reports = TestStaff.asViewer().get("/api/v1/tickets/{r}/reports", references.get(3));
        reports.then().statusCode(200).body("reference", equalTo(references))
                .body("incident", everyItem(equalTo(incident))).body("reports", everyItem(equalTo(5)))
                .body("[0].description", equalTo(code + " sin agua en la calle 1 desde la mañana"))
                .body("[4].description", equalTo(code + " no hay agua en la casa de mi abuela"))
                .body("[0]", not(hasKey("events")))
                .body("", everyItem(not(hasKey("reporterPhone"))));
        phones.forEach(phone -> assertFalse(reports.asString().contains(phone.substring(1))));
        TestStaff.asStaff().get("/api/v1/tickets/{r}/reports", incident).then()
                .body("reporterPhone", equalTo(phones));

        String bill = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(),
                code + " me cobraron de mas el recibo"));
        TestStaff.asViewer().get("/api/v1/tickets/{r}", bill).then().body("$", hasKey("incident"))
                .body("incident", nullValue()).body("reports", equalTo(1));
        TestStaff.asViewer().get("/api/v1/tickets/{r}/reports", bill).then().statusCode(200)
                .body("reference", contains(bill)).body("[0].reports", equalTo(1));
        TestStaff.asViewer().get("/api/v1/tickets/{r}/reports", "999999").then().statusCode(404);
        TestStaff.asViewer().get("/api/v1/tickets/{r}/reports", "12").then().statusCode(400);
        given().get("/api/v1/tickets/{r}/reports", incident).then().statusCode(401);
        TestStaff.asStaff().contentType("application/json").body(Map.of("action", "split"))
                .post("/api/v1/tickets/{r}/actions", incident).then().statusCode(409);
    }

    /** The rows of the open-tickets page's table, as HTML. */
    private List<String> rows(String query) {
        String page = given().cookie("aguavoz-session", staffSession).get("/" + query).then().statusCode(200)
                .extract().asString();
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr(?: class=\"late\")?><td>.*?</tr>", Pattern.DOTALL).matcher(page);
        while (row.find()) {
            rows.add(row.group());
        }
        return rows;
    }

    private static String page(String session, String path) {
        return given().cookie("aguavoz-session", session).get("/tickets/" + path).then().statusCode(200)
                .extract().asString();
    }

    private static List<String> listed(String page) {
        int start = page.indexOf("<ol class=\"reports\">");
        String list = page.substring(start, page.indexOf("</ol>", start));
        return Pattern.compile("<li.*?</li>", Pattern.DOTALL).matcher(list).results().map(m -> m.group()).toList();
    }

    private static String linkedReference(String item) {
        Matcher link = Pattern.compile("<a href=\"/tickets/([0-9]+)\">").matcher(item);
        assertTrue(link.find(), item);
        return link.group(1);
    }

    private Response act(String reference, String action, Map<String, String> form) {
        Response response = given().cookie("aguavoz-session", staffSession).cookie("aguavoz-csrf", CSRF)
                .formParam("csrf", CSRF).formParams(form).redirects().follow(false)
                .post("/tickets/{r}/" + action, reference);
        response.then().statusCode(303);
        return response;
    }
}
