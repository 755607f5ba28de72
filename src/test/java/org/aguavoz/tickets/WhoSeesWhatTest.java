package org.aguavoz.tickets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.intake.sms.InboundMessage;
import org.aguavoz.phones.PhoneNumber;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who sees a reporter's number, their words and their recording, on every surface: the API, the dashboard's ticket
 * page, the recording, the simulator, the committee rosters, the public figures and Open311. Each case files three
 * reports through the signed SMS webhook (an ordinary one, an integrity complaint with a name, an anonymous
 * integrity complaint) and asks as one role; {@link #POLICY} says what that role must get. Only an administrator
 * ever learns the anonymous reporter's number.
 */
@QuarkusTest
@ConnectWireMock
class WhoSeesWhatTest {

    /**
     * The policy, written out once. number: the reporter's full number; words: what they wrote (description,
     * their SMS, the notices quoting them); recording: their voice; simulator: their phone may be listed, shown
     * and played.
     */
    private static final String POLICY = """
            who    | reporter  | number | words | recording | simulator
            ADMIN  | ORDINARY  | yes    | yes   | yes       | yes
            ADMIN  | INTEGRITY | yes    | yes   | yes       | yes
            ADMIN  | ANONYMOUS | yes    | yes   | yes       | yes
            STAFF  | ORDINARY  | yes    | yes   | yes       | yes
            STAFF  | INTEGRITY | -      | yes   | -         | -
            STAFF  | ANONYMOUS | -      | yes   | -         | -
            VIEWER | ORDINARY  | -      | yes   | -         | -
            VIEWER | INTEGRITY | -      | -     | -         | -
            VIEWER | ANONYMOUS | -      | -     | -         | -
            NOBODY | ORDINARY  | -      | -     | -         | -
            NOBODY | INTEGRITY | -      | -     | -         | -
            NOBODY | ANONYMOUS | -      | -     | -         | -
            """;

    private static final Map<Who, Map<Kind, Expect>> EXPECTED = parse(POLICY);
    private static final byte[] AUDIO = "ID3 a caller's voice".getBytes(StandardCharsets.ISO_8859_1);

    enum Who {
        ADMIN("admin", TestStaff.ADMIN_PASSWORD), STAFF("test-staff", TestStaff.PASSWORD),
        VIEWER("test-viewer", TestStaff.PASSWORD), NOBODY(null, null);

        private final String username;
        private final String password;

        Who(String username, String password) {
            this.username = username;
            this.password = password;
        }

        /** An API request with HTTP Basic (which also makes sure the test account exists), or none. */
        RequestSpecification api() {
            return switch (this) {
                case ADMIN -> TestStaff.asAdmin();
                case STAFF -> TestStaff.asStaff();
                case VIEWER -> TestStaff.asViewer();
                case NOBODY -> given();
            };
        }

        /** A dashboard request with a form-login session, or none; redirects are not followed. */
        RequestSpecification page() {
            if (this == NOBODY) {
                return given().redirects().follow(false);
            }
            api();
            String session = TestStaff.logIn(username, password);
            return given().redirects().follow(false).cookie("aguavoz-session", session);
        }

        /** What a dashboard page answers to this caller when the role may not have it at all. */
        int refusedPage() {
            return this == NOBODY ? 302 : 403;
        }

        int refusedApi() {
            return this == NOBODY ? 401 : 403;
        }
    }

    enum Kind { ORDINARY, INTEGRITY, ANONYMOUS }

    record Expect(boolean number, boolean words, boolean recording, boolean simulator) {
    }

    record Report(Kind kind, String community, String phone, String reference, String words, String recordingSid) {
    }

    WireMock wiremock;

    @Inject
    Tickets tickets;

    @ParameterizedTest
    @EnumSource(Who.class)
    void theTicketList(Who who) {
        Map<Kind, Report> reports = fileReports();
        Response list = who.api().get("/api/v1/tickets?community={code}", reports.get(Kind.ORDINARY).community());
        if (who == Who.NOBODY) {
            list.then().statusCode(401);
            return;
        }
        list.then().statusCode(200).body("size()", equalTo(3));
        assertShows(who, reports, list.asString(), "API list");
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void oneTicket(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (Report report : reports.values()) {
            Response one = who.api().get("/api/v1/tickets/{r}", report.reference());
            if (who == Who.NOBODY) {
                one.then().statusCode(401);
                continue;
            }
            one.then().statusCode(200).body("reference", equalTo(report.reference()));
            assertShows(who, Map.of(report.kind(), report), one.asString(), "API ticket " + report.kind());
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void theRecording(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (Report report : reports.values()) {
            boolean hears = EXPECTED.get(who).get(report.kind()).recording();
            String what = who + " hears " + report.kind();
            Response api = who.api().get("/api/v1/tickets/{r}/recording", report.reference());
            Response dashboard = who.page().get("/tickets/{r}/recording", report.reference());
            assertEquals(hears ? 200 : who.refusedApi(), api.statusCode(), what + " through the API");
            assertEquals(hears ? 200 : who.refusedPage(), dashboard.statusCode(), what + " on the dashboard");
            wiremock.verify(hears ? 2 : 0, getRequestedFor(urlEqualTo(mp3(report.recordingSid()))));
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void theTicketPage(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (Report report : reports.values()) {
            Response page = who.page().get("/tickets/{r}", report.reference());
            if (who == Who.NOBODY) {
                page.then().statusCode(302).header("Location", endsWith("/login"));
                continue;
            }
            page.then().statusCode(200);
            String html = page.asString();
            Expect expect = EXPECTED.get(who).get(report.kind());
            assertShows(who, Map.of(report.kind(), report), html, "ticket page " + report.kind());
            assertEquals(!expect.words(), html.contains("(oculto)"), who + ", " + report.kind() + ": words replaced");
            assertEquals(expect.recording(), html.contains("/tickets/" + report.reference() + "/recording"),
                    who + ", " + report.kind() + ": link to the recording");
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void theSimulatorsListOfPhones(Who who) {
        Map<Kind, Report> reports = fileReports();
        Response page = who.page().get("/simulator");
        if (!uses(who)) {
            assertEquals(who.refusedPage(), page.statusCode());
            assertNothingOf(reports, page.asString(), who + " simulator");
            return;
        }
        page.then().statusCode(200);
        for (Report report : reports.values()) {
            assertEquals(EXPECTED.get(who).get(report.kind()).simulator(), shows(page.asString(), report.phone()),
                    who + " finds " + report.kind() + " in the simulator's list");
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void theSimulatorShowingAPhone(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (Report report : reports.values()) {
            Response page = who.page().get("/simulator?phone={p}", report.phone());
            if (EXPECTED.get(who).get(report.kind()).simulator()) {
                page.then().statusCode(200);
                assertTrue(shows(page.asString(), report.phone()) && page.asString().contains(report.words()),
                        who + " plays " + report.kind());
            } else {
                assertEquals(uses(who) ? 403 : who.refusedPage(), page.statusCode(), who + " plays " + report.kind());
                assertNothingOf(Map.of(report.kind(), report), page.asString(), who + " simulator " + report.kind());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Who.class)
    void theSimulatorSendingAsAPhone(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (Report report : reports.values()) {
            long before = inboundFrom(report.phone());
            Response sent = send(who, report.phone(), "ayuda");
            boolean plays = EXPECTED.get(who).get(report.kind()).simulator();
            assertEquals(plays ? 303 : uses(who) ? 403 : who.refusedPage(), sent.statusCode(), who + " sends as " + report.kind());
            assertEquals(before + (plays ? 1 : 0), inboundFrom(report.phone()), who + " sends as " + report.kind());
            if (!plays) {
                assertNothingOf(Map.of(report.kind(), report), sent.asString(), who + " sends as " + report.kind());
            }
        }
    }

    /** A phone half-way through an anonymous report (it still has to say which community) is protected too. */
    @ParameterizedTest
    @EnumSource(Who.class)
    void theSimulatorWithAnAnonymousReportWaitingForItsCommunity(Who who) {
        String phone = TwilioWebhook.freshVillager();
        assertEquals("¿De qué comunidad? Responda con el numero del cartel, ej. 101",
                TwilioWebhook.smsReply(phone, "ANONIMO el tesorero se queda con las cuotas"));
        boolean plays = EXPECTED.get(who).get(Kind.ANONYMOUS).simulator();
        int refused = uses(who) ? 403 : who.refusedPage();

        Response list = who.page().get("/simulator");
        assertEquals(plays, list.statusCode() == 200 && shows(list.asString(), phone), who + " lists the phone");
        Response shown = who.page().get("/simulator?phone={p}", phone);
        assertEquals(plays ? 200 : refused, shown.statusCode());
        assertEquals(plays, shown.asString().contains("el tesorero"), who + " reads the waiting report");
        long before = inboundFrom(phone);
        assertEquals(plays ? 303 : refused, send(who, phone, "ayuda").statusCode());
        assertEquals(before + (plays ? 1 : 0), inboundFrom(phone));
    }

    /** Committee members' numbers: whole for staff and admins, the last three digits for viewers. */
    @ParameterizedTest
    @EnumSource(Who.class)
    void committeeMembers(Who who) {
        String code = TestCommunities.create("Ojo de Agua");
        String member = TwilioWebhook.freshVillager();
        TestCommunities.addMember(code, "Rosa Gómez", member);
        String masked = new PhoneNumber(member).masked();
        boolean whole = who == Who.ADMIN || who == Who.STAFF;

        Response api = who.api().get("/api/v1/communities/{code}/members", code);
        Response page = who.page().get("/communities/{code}", code);
        if (who == Who.NOBODY) {
            assertEquals(401, api.statusCode());
            assertEquals(302, page.statusCode());
            assertFalse(shows(api.asString() + page.asString(), member));
            return;
        }
        api.then().statusCode(200).body("[0].phone", equalTo(whole ? member : masked));
        page.then().statusCode(200);
        assertEquals(whole, shows(page.asString(), member), who + " reads the member's number on the community page");
        assertEquals(!whole, page.asString().contains(masked), who + " reads the masked number on the community page");
    }

    /** The public figures and Open311 are for anyone: no number and no words, whoever asks. */
    @ParameterizedTest
    @EnumSource(Who.class)
    void publicFiguresAndOpen311(Who who) {
        Map<Kind, Report> reports = fileReports();
        for (String path : new String[] {"/public/figures.csv?days=90", "/public/figures.json?days=90",
                "/open311/v2/requests.json"}) {
            Response response = who.api().get(path);
            response.then().statusCode(200);
            assertNothingOf(reports, response.asString(), who + " " + path);
        }
        for (Report report : reports.values()) {
            Response response = who.api().get("/open311/v2/requests/{id}.json", report.reference());
            response.then().statusCode(200).body("[0].service_request_id", equalTo(report.reference()));
            assertNothingOf(Map.of(report.kind(), report), response.asString(), who + " Open311 " + report.kind());
        }
    }

    /** Every reporter's number and words appear exactly as the policy says. */
    private static void assertShows(Who who, Map<Kind, Report> reports, String body, String where) {
        for (Report report : reports.values()) {
            Expect expect = EXPECTED.get(who).get(report.kind());
            assertEquals(expect.number(), shows(body, report.phone()), who + " sees the number of " + report.kind() + " in " + where);
            assertEquals(expect.words(), body.contains(report.words()), who + " reads " + report.kind() + " in " + where);
        }
    }

    private static void assertNothingOf(Map<Kind, Report> reports, String body, String where) {
        for (Report report : reports.values()) {
            assertFalse(shows(body, report.phone()), "number of " + report.kind() + " in " + where);
            assertFalse(body.contains(report.words()), "words of " + report.kind() + " in " + where);
        }
    }

    /** The whole number, not a longer one that starts with it. */
    private static boolean shows(String body, String phone) {
        return Pattern.compile(Pattern.quote(phone) + "(?![0-9])").matcher(body).find();
    }

    private static boolean uses(Who who) {
        return who == Who.ADMIN || who == Who.STAFF;
    }

    private static Response send(Who who, String phone, String text) {
        String token = "t".repeat(43);
        return who.page().cookie("aguavoz-csrf", token).formParam("csrf", token).formParam("phone", phone)
                .formParam("text", text).post("/simulator");
    }

    private static long inboundFrom(String phone) {
        return QuarkusTransaction.requiringNew().call(() -> InboundMessage.count("fromPhone", phone));
    }

    /** The three reports, in a fresh community, each with a recording as if it had been made by phone. */
    private Map<Kind, Report> fileReports() {
        String code = TestCommunities.create("San Pedro Buenavista");
        Map<Kind, Report> reports = new EnumMap<>(Kind.class);
        reports.put(Kind.ORDINARY, file(Kind.ORDINARY, code, code + " sin agua desde ayer en la calle Hidalgo", "calle Hidalgo"));
        reports.put(Kind.INTEGRITY, file(Kind.INTEGRITY, code, code + " el comite se roba el dinero de la bomba",
                "se roba el dinero de la bomba"));
        reports.put(Kind.ANONYMOUS, file(Kind.ANONYMOUS, code, "ANONIMO " + code + " el tesorero se queda con las cuotas",
                "el tesorero se queda con las cuotas"));
        return reports;
    }

    private Report file(Kind kind, String code, String sms, String words) {
        String phone = TwilioWebhook.freshVillager();
        String reference = TwilioWebhook.referenceIn(TwilioWebhook.smsReply(phone, sms));
        TestStaff.asAdmin().get("/api/v1/tickets/{r}", reference).then()
                .body("category", equalTo(kind == Kind.ORDINARY ? "outage" : "integrity"))
                .body("anonymous", equalTo(kind == Kind.ANONYMOUS));
        String sid = "RE" + UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            Ticket ticket = tickets.byReference(reference).orElseThrow();
            ticket.recordingSid = sid;
            ticket.recordingUrl = apiUrl() + mp3(sid).replace(".mp3", "");
            ticket.recordingSeconds = 9;
        });
        wiremock.register(get(urlEqualTo(mp3(sid))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(AUDIO)));
        return new Report(kind, code, phone, reference, words, sid);
    }

    private static String mp3(String sid) {
        return "/2010-04-01/Accounts/" + TwilioWebhook.ACCOUNT_SID + "/Recordings/" + sid + ".mp3";
    }

    private static String apiUrl() {
        return ConfigProvider.getConfig().getValue("twilio.api-url", String.class);
    }

    private static Map<Who, Map<Kind, Expect>> parse(String table) {
        Map<Who, Map<Kind, Expect>> expected = new EnumMap<>(Who.class);
        table.lines().skip(1).map(line -> line.split("\\|")).forEach(cells -> {
            expected.computeIfAbsent(Who.valueOf(cells[0].strip()), w -> new EnumMap<>(Kind.class))
                    .put(Kind.valueOf(cells[1].strip()), new Expect(yes(cells[2]), yes(cells[3]), yes(cells[4]), yes(cells[5])));
        });
        return expected;
    }

    private static boolean yes(String cell) {
        return cell.strip().equals("yes");
    }
}
