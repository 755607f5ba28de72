package org.aguavoz.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClock;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.staff.StaffUser;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard in a real headless Chromium, against the running app, the real database and WireMock. */
@QuarkusTest
@ConnectWireMock
class DashboardBrowserTest {

    static WebDriver browser;

    WireMock wiremock;

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @Inject
    OutboxDispatcher dispatcher;

    @BeforeAll
    static void chromium() {
        browser = Chromium.start();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
        browser.manage().deleteAllCookies();
    }

    @Test
    void staffSeeALateTicketInRedActOnItAndTheReporterGetsTheSms() {
        TwilioApi.acceptEverySms(wiremock);
        String code = TestCommunities.create("Rancho Nuevo");
        TestCommunities.addMember(code, "Pedro Ruiz", TwilioWebhook.freshVillager());
        String villager = TwilioWebhook.freshVillager();
        String hostile = "<script>alert('x')</script> sin agua <b>urgente</b>";
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " " + hostile));
        clock.advance(Duration.ofHours(13)); // 12 h to acknowledge a missing-water report

        logIn("admin", TestStaff.ADMIN_PASSWORD);
        browser.get(base + "?community=" + code);
        WebElement row = browser.findElement(By.xpath("//tr[td/a[text()='" + reference + "']]"));
        assertEquals("late", row.getAttribute("class"));
        assertTrue(row.getText().contains("1 h tarde"), row.getText());
        assertEquals("rgba(253, 232, 232, 1)", row.findElement(By.tagName("td")).getCssValue("background-color"));
        System.out.println("DashboardBrowserTest: screenshot " + Chromium.screenshot(browser, "open-tickets"));

        row.findElement(By.linkText(reference)).click();
        waitUntil(page -> page.getCurrentUrl().endsWith("/tickets/" + reference));
        assertEquals(code + " " + hostile, browser.findElement(By.cssSelector("dd.words")).getText());
        assertEquals(List.of(), browser.findElements(By.tagName("script")), "the reporter's <script> became markup");
        assertEquals(List.of(), browser.findElements(By.cssSelector("dd.words b")));

        browser.findElement(By.name("note")).sendKeys("El fontanero llega mañana temprano");
        browser.findElement(By.name("sms")).click();
        browser.findElement(By.cssSelector("form.note button")).click();
        waitUntil(page -> page.findElement(By.cssSelector("ol.timeline")).getText().contains("El fontanero llega mañana temprano"));
        assertTrue(browser.findElement(By.cssSelector("dl.ticket")).getText().contains("en atención"));

        dispatcher.drain();
        assertTrue(TwilioApi.sentTo(wiremock, villager).contains("AguaVoz " + reference
                + ", el organismo municipal dice: \"El fontanero llega mañana temprano\""), TwilioApi.sentTo(wiremock, villager).toString());
    }

    @Test
    void aNewTicketAppearsOnTheOpenPageWithoutAReload() {
        String code = TestCommunities.create("San Isidro Buenavista");
        logIn("admin", TestStaff.ADMIN_PASSWORD);
        browser.get(base + "?community=" + code);
        assertEquals(List.of(), browser.findElements(By.cssSelector("table.tickets")));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true");

        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(), code + " sin agua"));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(page -> !page.findElements(By.linkText(reference)).isEmpty());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true"),
                "the page reloaded instead of updating itself");
    }

    @Test
    void theSimulatorFilesAReportThroughTheWebhookPathAndShowsTheCommitteesSms() {
        String code = TestCommunities.create("Ojo de Agua Grande");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Lucía Hernández", member);
        String villager = TwilioWebhook.freshVillager();

        logIn("admin", TestStaff.ADMIN_PASSWORD);
        browser.get(base + "simulator");
        browser.findElement(By.name("phone")).sendKeys(villager);
        browser.findElement(By.name("text")).sendKeys(code + " no sale agua desde la mañana");
        browser.findElement(By.cssSelector("form.simulator button")).click();
        waitUntil(page -> page.getCurrentUrl().contains("phone="));

        String conversation = browser.findElement(By.cssSelector("ol.sms")).getText();
        java.util.regex.Matcher reply = java.util.regex.Pattern.compile("reporte ([0-9]{4,6}) recibido").matcher(conversation);
        assertTrue(reply.find(), conversation);
        String others = browser.findElement(By.cssSelector("ol.others")).getText();
        assertTrue(others.contains("AguaVoz " + reply.group(1) + " SIN AGUA Ojo de Agua Grande"), others);
        assertTrue(others.contains(member.substring(member.length() - 3)) && !others.contains(member.substring(1)), others);
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reply.group(1)).then().statusCode(200);
        System.out.println("DashboardBrowserTest: screenshot " + Chromium.screenshot(browser, "simulator"));
    }

    @Test
    void aRosterCsvWithABadRowIsShownWithItsErrorAndNothingIsStoredUntilItIsFixed() throws Exception {
        String code = TestCommunities.freshCode();
        String president = TwilioWebhook.freshVillager();
        String treasurer = TwilioWebhook.freshVillager();
        // As Excel in Spanish saves it: semicolons, accents, the local way of writing numbers.
        String bad = "Código;Comunidad;Alias;Nombre;Teléfono;Cargo\n"
                + code + ";Cerro Hueco Alto;cerro hueco|Cerro Güeco;Marta Pérez;" + president + ";Presidenta\n"
                + code + ";Cerro Hueco Alto;;José Díaz;961 12;Tesorero\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("roster", ".csv");
        java.nio.file.Files.writeString(file, bad);

        logIn("admin", TestStaff.ADMIN_PASSWORD);
        browser.get(base + "communities/import");
        browser.findElement(By.name("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form.import button")).click();
        waitUntil(page -> !page.findElements(By.cssSelector("table.preview")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.preview tbody tr"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).getText().contains("comunidad nueva, integrante nuevo"), rows.get(0).getText());
        assertEquals("late", rows.get(1).getAttribute("class"));
        assertTrue(rows.get(1).getText().contains("teléfono no válido: 961 12"), rows.get(1).getText());
        assertEquals(List.of(), browser.findElements(By.cssSelector("button.confirm")));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().statusCode(404);

        java.nio.file.Files.writeString(file, bad.replace("961 12", treasurer));
        browser.findElement(By.name("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form.import button")).click();
        waitUntil(page -> !page.findElements(By.cssSelector("button.confirm")).isEmpty());
        browser.findElement(By.cssSelector("button.confirm")).click();
        waitUntil(page -> page.getCurrentUrl().contains("imported=2"));
        assertTrue(browser.findElement(By.cssSelector("p.notice")).getText().contains("Se importaron 2 filas."));
        TestStaff.asAdmin().get("/api/v1/communities/{c}", code).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Cerro Hueco Alto"));
        TestStaff.asAdmin().get("/api/v1/communities/{c}/members", code).then()
                .body("phone", org.hamcrest.Matchers.containsInAnyOrder(president, treasurer))
                .body("role", org.hamcrest.Matchers.containsInAnyOrder("president", "treasurer"));
    }

    @Test
    void thePagesFitAPhoneScreenWithoutSidewaysScrolling() {
        String code = TestCommunities.create("Nuevo Joaquín Miguel Gutiérrez Ampliación Sur");
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(),
                code + " sin agua desde hace tres dias en toda la parte alta de la colonia"));
        // A second report of the same outage: the two are one incident, one row, and each page lists both.
        String joined = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(TwilioWebhook.freshVillager(),
                code + " no hay agua en la parte baja, junto a la escuela primaria Benito Juárez García"));
        logIn("admin", TestStaff.ADMIN_PASSWORD);
        org.openqa.selenium.Dimension laptop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844)); // a common phone
            for (String page : List.of("", "?community=" + code, "tickets/" + reference, "tickets/" + joined,
                    "communities", "settings")) {
                browser.get(base + page);
                Object overflow = ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertTrue(((Number) overflow).intValue() <= 0, "/" + page + " scrolls sideways by " + overflow + " px");
            }
            browser.get(base + "tickets/" + joined);
            assertEquals(List.of(reference, joined), browser.findElements(By.cssSelector("ol.reports li a")).stream()
                    .map(WebElement::getText).toList());
            browser.get(base + "?community=" + code);
            List<WebElement> rows = browser.findElements(By.cssSelector("table.tickets tbody tr"));
            assertEquals(1, rows.size());
            assertTrue(rows.get(0).getText().startsWith(reference + " · 2 reportes"), rows.get(0).getText());
            System.out.println("DashboardBrowserTest: screenshot " + Chromium.screenshot(browser, "open-tickets-phone"));
        } finally {
            browser.manage().window().setSize(laptop);
        }
    }

    @Test
    void aViewerSeesNeitherNumbersNorActions() {
        String code = TestCommunities.create("Flor de Mayo");
        String villager = TwilioWebhook.freshVillager();
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(villager, code + " hay una fuga grande"));
        TestStaff.asViewer().get("/api/v1/agency").then().statusCode(200); // makes sure the viewer account exists

        logIn("test-viewer", TestStaff.PASSWORD);
        browser.get(base + "tickets/" + reference);
        assertTrue(browser.findElement(By.cssSelector("dl.ticket")).getText().contains("número oculto"));
        assertTrue(!browser.getPageSource().contains(villager.substring(1)), "the viewer saw the reporter's number");
        assertEquals(List.of(), browser.findElements(By.cssSelector("section.actions")));
    }

    @Test
    void aWrongPasswordIsToldAndEnglishIsOneClickAway() {
        browser.get(base + "login");
        // Not admin: a wrong password slows that account down at this address, where other tests log in as admin.
        browser.findElement(By.name("j_username")).sendKeys("nadie-aqui");
        browser.findElement(By.name("j_password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("form.login button")).click();
        waitUntil(page -> page.getCurrentUrl().contains("error=1"));
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().startsWith("Usuario o contraseña incorrectos"));
        browser.findElement(By.linkText("English")).click();
        waitUntil(page -> page.getCurrentUrl().contains("lang=en"));
        assertEquals("Log in", browser.findElement(By.tagName("h1")).getText());
        browser.get(base + "login?lang=es");
        // Chromium can only log in from 127.0.0.1, where every other test logs in too: its wrong password is
        // forgotten now rather than when it is a second old, which tests that set the clock back never reach.
        QuarkusTransaction.requiringNew().run(() -> StaffUser.getEntityManager()
                .createNativeQuery("delete from login_throttle where client_address = '127.0.0.1'").executeUpdate());
    }

    @Test
    void theLogoutButtonEndsTheSession() {
        logIn("admin", TestStaff.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("form.logout button")).click();
        waitUntil(page -> page.getCurrentUrl().endsWith("/login"));
        browser.get(base.toString());
        waitUntil(page -> page.getCurrentUrl().endsWith("/login"));
    }

    private void logIn(String username, String password) {
        browser.get(base + "login");
        browser.findElement(By.name("j_username")).sendKeys(username);
        browser.findElement(By.name("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login button")).click();
        waitUntil(page -> !page.getCurrentUrl().contains("/login"));
        assertEquals("Reportes abiertos", browser.findElement(By.tagName("h1")).getText());
    }

    /** Waits for a page after a click: elements of the page that is going away are stale, so look again. */
    private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
