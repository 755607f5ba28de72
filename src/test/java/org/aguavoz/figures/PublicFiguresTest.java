package org.aguavoz.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.dashboard.Chromium;
import org.aguavoz.intake.TwilioWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The community audit at /public, fed by real signed SMS webhooks and committee SMS, with the clock moved to make
 * some resolutions late. The shared test database holds other tests' communities: every check picks its own codes.
 */
@QuarkusTest
class PublicFiguresTest {

    private static final String HEADER = "community_code,community_name,reports,reports_outage,reports_quality,"
            + "reports_leak,reports_billing,reports_integrity,reports_other,due_or_resolved,resolved_in_time,"
            + "resolved_in_time_percent,median_hours_to_acknowledge,median_hours_to_resolve,incidents,incidents_late";

    @Inject
    TestClock clock;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void figuresPerCommunityCountOnlyWhatCanBeJudgedAndMedianTimesFromArrival() {
        String pinos = TestCommunities.create("San Pedro, Los Pinos");
        String progreso = TestCommunities.create("Nuevo Progreso Álamo");
        String quiet = TestCommunities.create("La Esperanza");
        String pinosMember = TwilioWebhook.freshVillager();
        String progresoMember = TwilioWebhook.freshVillager();
        TestCommunities.addMember(pinos, "Marta Ruiz", pinosMember);
        TestCommunities.addMember(progreso, "Luis Gómez", progresoMember);
        // The reports in the past (the figures as they were then), so nothing they write lies in the future of tests
        // that run after this one on real time; staff calls before, on real time (a login throttled lately would
        // refuse them in the past).
        clock.setTo(Instant.now().minus(Duration.ofDays(5)));

        // Hour 0: an outage (12 h to acknowledge, 72 h to resolve), dirty water (24 h to resolve), a leak (7 days).
        String fast = report(pinos + " sin agua desde ayer");
        report(pinos + " el agua sale sucia");
        String leak = report(progreso + " hay una fuga en la calle");
        clock.advance(Duration.ofHours(2));
        committee(pinosMember, "OK " + fast);
        clock.advance(Duration.ofHours(2));
        committee(progresoMember, "OK " + leak);
        clock.advance(Duration.ofHours(6));
        committee(pinosMember, "LISTO " + fast); // hour 10: in time
        // Hour 10: another outage, a problem of its own (the first one is fixed: nothing open to join).
        String slow = report(pinos + " sin agua en la parte alta");
        clock.advance(Duration.ofHours(4));
        committee(pinosMember, "OK " + slow); // 4 h after it arrived
        clock.advance(Duration.ofHours(76));
        committee(pinosMember, "LISTO " + slow); // 80 h after it arrived: 8 h after its 72 h deadline

        // Los Pinos: the dirty water is past its deadline unresolved (late now), so 1 of 3 in time; medians of 2 h
        // and 4 h, of 10 h and 80 h. Progreso: its leak is still within its 7 days, so nothing to judge yet, nor
        // late. La Esperanza: quiet. Every report stands alone here: as many problems as reports.
        String json = given().get("/public/figures.json?days=90").then().statusCode(200)
                .contentType(containsString("application/json")).body("days", equalTo(90)).extract().asString();
        assertEquals("{\"community_code\":\"" + pinos + "\",\"community_name\":\"San Pedro, Los Pinos\",\"reports\":3,"
                + "\"reports_outage\":2,\"reports_quality\":1,\"reports_leak\":0,\"reports_billing\":0,"
                + "\"reports_integrity\":0,\"reports_other\":0,\"due_or_resolved\":3,\"resolved_in_time\":1,"
                + "\"resolved_in_time_percent\":33,\"median_hours_to_acknowledge\":3.0,"
                + "\"median_hours_to_resolve\":45.0,\"incidents\":3,\"incidents_late\":1}",
                community(json, pinos));
        assertEquals("{\"community_code\":\"" + progreso + "\",\"community_name\":\"Nuevo Progreso Álamo\","
                + "\"reports\":1,"
                + "\"reports_outage\":0,\"reports_quality\":0,\"reports_leak\":1,\"reports_billing\":0,"
                + "\"reports_integrity\":0,\"reports_other\":0,\"due_or_resolved\":0,\"resolved_in_time\":0,"
                + "\"resolved_in_time_percent\":null,\"median_hours_to_acknowledge\":4.0,"
                + "\"median_hours_to_resolve\":null,\"incidents\":1,\"incidents_late\":0}",
                community(json, progreso));
        assertEquals("{\"community_code\":\"" + quiet + "\",\"community_name\":\"La Esperanza\",\"reports\":0,"
                + "\"reports_outage\":0,\"reports_quality\":0,\"reports_leak\":0,\"reports_billing\":0,"
                + "\"reports_integrity\":0,\"reports_other\":0,\"due_or_resolved\":0,\"resolved_in_time\":0,"
                + "\"resolved_in_time_percent\":null,\"median_hours_to_acknowledge\":null,"
                + "\"median_hours_to_resolve\":null,\"incidents\":0,\"incidents_late\":0}",
                community(json, quiet));

        Response csv = given().get("/public/figures.csv?days=90");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("aguavoz-figures-90d.csv"));
        List<String> lines = csv.asString().lines().toList();
        assertEquals(HEADER, lines.get(0));
        assertEquals(Set.of(
                pinos + ",\"San Pedro, Los Pinos\",3,2,1,0,0,0,0,3,1,33,3.0,45.0,3,1",
                progreso + ",Nuevo Progreso Álamo,1,0,0,1,0,0,0,0,0,,4.0,,1,0",
                quiet + ",La Esperanza,0,0,0,0,0,0,0,0,0,,,,0,0"),
                lines.stream().filter(line -> Set.of(pinos, progreso, quiet).contains(line.split(",")[0]))
                        .collect(Collectors.toSet()));
    }

    @Test
    void thirtyDaysLeaveOutOlderReports() {
        String code = TestCommunities.create("Ejido Benito Juárez");
        // The reports in the past (the figures as they were then), so nothing they write lies in the future of tests
        // that run after this one on real time; staff calls before, on real time (a login throttled lately would
        // refuse them in the past).
        clock.setTo(Instant.now().minus(Duration.ofDays(50)));
        report(code + " sin agua"); // never resolved: past its deadline 40 days later
        clock.advance(Duration.ofDays(40));
        report(code + " fuga grande en el tanque");

        String last90 = community(given().get("/public/figures.json?days=90").then().statusCode(200)
                .body("days", equalTo(90)).extract().asString(), code);
        assertTrue(last90.contains("\"reports\":2,\"reports_outage\":1,\"reports_quality\":0,\"reports_leak\":1,"),
                last90);
        assertTrue(last90.contains("\"due_or_resolved\":1,\"resolved_in_time\":0,\"resolved_in_time_percent\":0,"),
                last90);

        String last30 = community(given().get("/public/figures.json?days=30").then().statusCode(200)
                .body("days", equalTo(30)).extract().asString(), code);
        assertTrue(last30.contains("\"reports\":1,\"reports_outage\":0,\"reports_quality\":0,\"reports_leak\":1,"),
                last30);
        assertTrue(last30.contains("\"due_or_resolved\":0,\"resolved_in_time\":0,\"resolved_in_time_percent\":null,"),
                last30);
        assertTrue(given().get("/public/figures.csv?days=30").asString().lines()
                .anyMatch(line -> line.equals(code + ",Ejido Benito Juárez,1,0,0,1,0,0,0,0,0,,,,1,0")));
    }

    @Test
    void aWaveOfReportsOfOnePumpIsOneProblemForTheDeadlineFigures() {
        String code = TestCommunities.create("Los Ángeles Tzajalá");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Pedro Gómez", member);
        // The reports in the past (the figures as they were then), so nothing they write lies in the future of tests
        // that run after this one on real time; staff calls before, on real time (a login throttled lately would
        // refuse them in the past).
        clock.setTo(Instant.now().minus(Duration.ofDays(5)));
        // Five villagers within 40 minutes: one incident (outage groups within 12 h). A fee complaint stands alone.
        String first = report(code + " sin agua");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            report(code + " no hay agua desde la mañana");
        }
        report(code + " cobran de mas la cuota");

        // Hour 13: nobody answered the outage within its 12 h: one late problem, not five late reports.
        clock.advance(Duration.ofHours(13).minusMinutes(40));
        assertEquals("{\"community_code\":\"" + code + "\",\"community_name\":\"Los Ángeles Tzajalá\",\"reports\":6,"
                + "\"reports_outage\":5,\"reports_quality\":0,\"reports_leak\":0,\"reports_billing\":1,"
                + "\"reports_integrity\":0,\"reports_other\":0,\"due_or_resolved\":0,\"resolved_in_time\":0,"
                + "\"resolved_in_time_percent\":null,\"median_hours_to_acknowledge\":null,"
                + "\"median_hours_to_resolve\":null,\"incidents\":2,\"incidents_late\":1}",
                community(given().get("/public/figures.json").then().statusCode(200).extract().asString(), code));

        // OK at hour 14, LISTO at hour 80, 8 h past the deadline counted from the first report: one problem
        // resolved late (per report it would be five), answered in 14 h and resolved in 80 h from the first report
        // (per report, the later ones would show shorter times for the same wait). Late now: the fee complaint,
        // unanswered past its 72 h.
        clock.advance(Duration.ofHours(1));
        committee(member, "OK " + first);
        clock.advance(Duration.ofHours(66));
        committee(member, "LISTO " + first);
        assertEquals("{\"community_code\":\"" + code + "\",\"community_name\":\"Los Ángeles Tzajalá\",\"reports\":6,"
                + "\"reports_outage\":5,\"reports_quality\":0,\"reports_leak\":0,\"reports_billing\":1,"
                + "\"reports_integrity\":0,\"reports_other\":0,\"due_or_resolved\":1,\"resolved_in_time\":0,"
                + "\"resolved_in_time_percent\":0,\"median_hours_to_acknowledge\":14.0,"
                + "\"median_hours_to_resolve\":80.0,\"incidents\":2,\"incidents_late\":1}",
                community(given().get("/public/figures.json").then().statusCode(200).extract().asString(), code));
        assertTrue(given().get("/public/figures.csv").asString().lines()
                .anyMatch(line -> line.equals(code + ",Los Ángeles Tzajalá,6,5,0,0,1,0,0,1,0,0,14.0,80.0,2,1")));
        // The page's table: reports, problems, by category, in time (one problem judged, not five reports), late now.
        assertTrue(given().get("/public").asString().contains("<tr><td>" + code + "</td><td>Los Ángeles Tzajalá</td>"
                + "<td>6</td><td>2</td><td>5</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td>"
                + "<td>0 % (0 de 1)</td><td>1</td><td>14.0</td><td>80.0</td></tr>"));
    }

    @Test
    void anyoneSeesThePageWithChartsAndNobodysPhoneNumber() {
        String code = TestCommunities.create("Cerro Hueco");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Cruz", member);
        String villager = TwilioWebhook.freshVillager();
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " sin agua"));
        committee(member, "LISTO " + reference);

        // No login: a redirect to /login would be a 302 here, not a page.
        Response page = given().redirects().follow(false).get("/public");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        String html = page.asString();
        assertTrue(html.contains("<svg"), "no chart");
        assertTrue(html.contains("Cifras públicas de los comités de agua"), "not Spanish by default");
        assertTrue(html.contains(code + " Cerro Hueco"), "the community is missing");
        assertFalse(html.contains("style=") || html.contains("<style") || html.contains("<script"),
                "the Content-Security-Policy would block part of the page");

        String json = given().get("/public/figures.json").then().statusCode(200).body("days", equalTo(90))
                .extract().asString();
        String csv = given().get("/public/figures.csv").then().statusCode(200).extract().asString();
        for (String body : List.of(html, json, csv)) {
            for (String phone : List.of(villager, member)) {
                assertFalse(body.contains(phone.substring(phone.length() - 10)), "a phone number was published");
            }
            assertFalse(Pattern.compile("\\+[0-9]{8,}").matcher(body).find(), "something like a phone number");
        }

        // A person gets the default period for an unknown one; a script gets told.
        assertTrue(given().get("/public?days=7").then().statusCode(200).extract().asString()
                .contains("<a href=\"?days=90\" aria-current=\"page\">"));
        given().get("/public/figures.json?days=7").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("days"));
        given().get("/public/figures.csv?days=abc").then().statusCode(400);

        given().get("/public?lang=en").then().statusCode(200).cookie("aguavoz-lang", "en")
                .body(containsString("Public figures of the water committees"))
                .body(containsString("no water"));
    }

    @Test
    void aBrowserWithoutLoginDrawsTheCharts() {
        String code = TestCommunities.create("Santa Rita Las Flores");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Elena Díaz", member);
        String resolved = report(code + " sin agua");
        report(code + " el agua sale turbia");
        report(code + " cobran de mas la cuota");
        committee(member, "LISTO " + resolved);

        WebDriver browser = Chromium.start();
        try {
            browser.get(base + "public");
            assertEquals("Cifras públicas de los comités de agua", browser.findElement(By.tagName("h1")).getText());
            WebElement bar = browser.findElement(
                    By.xpath("//tr[th='" + code + " Santa Rita Las Flores']//*[local-name()='svg']"));
            List<WebElement> rects = bar.findElements(By.xpath("./*[local-name()='rect']"));
            assertEquals(2, rects.size(), "track and share in time");
            assertTrue(bar.isDisplayed() && bar.getSize().getWidth() > 100, "the bar is not drawn: " + bar.getSize());
            assertEquals("rgb(46, 125, 50)", rects.get(1).getCssValue("fill"), "app.css did not colour the bar");
            // Tall enough for the whole page: the screenshot shows the table and the explanations too.
            browser.manage().window().setSize(new Dimension(1280, 1900));
            System.out.println("PublicFiguresTest: screenshot " + Chromium.screenshot(browser, "public-figures"));
        } finally {
            browser.quit();
        }

        int html = given().get("/public").then().statusCode(200).extract().asByteArray().length;
        int css = given().get("/app.css").then().statusCode(200).extract().asByteArray().length;
        int communities = given().get("/public/figures.json").then().extract().jsonPath().getList("communities").size();
        System.out.printf("PublicFiguresTest: page weight %d bytes (HTML %d + app.css %d) with %d communities%n",
                html + css, html, css, communities);
    }

    private static String report(String text) {
        return TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), text));
    }

    /** A committee member's SMS; the reply must show it was applied, or the figures would test nothing. */
    private static void committee(String member, String text) {
        String reply = TwilioWebhook.smsReply(member, text);
        assertTrue(reply.contains("marcado como visto") || reply.contains("resuelto."), reply);
    }

    /** The JSON object of one community, exactly as served (fields in their published order). */
    private static String community(String json, String code) {
        Matcher matcher = Pattern.compile("\\{\"community_code\":\"" + code + "\"[^{}]*}").matcher(json);
        assertTrue(matcher.find(), "no community " + code + " in " + json);
        return matcher.group();
    }
}
