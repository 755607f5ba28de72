package org.aguavoz.notices;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.aguavoz.TestCommunities;
import org.aguavoz.TestStaff;
import org.aguavoz.deadlines.CheckDeadlines;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.intake.TwilioWebhook;
import org.aguavoz.intake.voice.TestCall;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.outbox.OutboxDispatcher;
import org.aguavoz.tickets.CloseUnconfirmedTickets;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules that protect people, across every path that can tell someone something, for every category: whatever
 * happens to a ticket, and however it happens (SMS, a call, a committee command, the reporter's SI/NO, the dashboard,
 * the API, the deadline job, the closing job, the simulator), Twilio is asked to send:
 * <ul>
 * <li>no SMS about an integrity complaint to any committee member (not the accused committee, not another one);</li>
 * <li>no SMS to a reporter who opted out, or whose phone sent SMS and calls over the per-phone limit;</li>
 * <li>no text to the reporter claiming the committee was told, or acted, when it was not.</li>
 * </ul>
 * Each row also checks that the path did what it should (its ticket's status), so that no row can pass by doing
 * nothing. What Twilio received is read from WireMock.
 */
@QuarkusTest
@ConnectWireMock
class WhoIsToldTest {

    /** A category as a villager picks it (the SMS menu and the voice menu share the digits). */
    enum Kind {
        OUTAGE("1"), QUALITY("2"), LEAK("3"), BILLING("4"), OTHER("6"), INTEGRITY("5"), ANONYMOUS_INTEGRITY("5");

        final String digit;

        Kind(String digit) {
            this.digit = digit;
        }

        boolean integrity() {
            return this == INTEGRITY || this == ANONYMOUS_INTEGRITY;
        }
    }

    /**
     * What is special about the row: nothing; the reporter opted out (BAJA) right after reporting; the reporter's
     * phone then called 21 times within the hour (over the per-phone limit of 20 SMS and calls); the community has no
     * committee at all; the report came by phone from a foreign caller ID (foreign SMS reports are never filed).
     */
    enum Setting { LISTENING, OPTED_OUT, OVER_LIMIT, NO_COMMITTEE, FOREIGN_CALLER }

    /** Claims that the committee was told of, saw or acted on the report, in Spanish and English. */
    private static final Pattern COMMITTEE_CLAIM = Pattern.compile(
            "(?i)comit[eé] de .* fue avisado|avisamos al comit[eé]|el comit[eé] dice|comit[eé] de .* ya vio"
                    + "|comit[eé] de .* ya sabe|committee has been told|we told the committee|the committee says"
                    + "|committee has seen|committee already knows");

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    CheckDeadlines checkDeadlines;

    @Inject
    CloseUnconfirmedTickets closeUnconfirmed;

    @BeforeEach
    void twilioAcceptsEverySms() {
        TwilioApi.acceptEverySms(wiremock);
    }

    /** One path: what it does to a fresh ticket, and the status the ticket must end in. */
    interface Path {
        void run(World world);
    }

    enum Paths {
        SMS_REPORT(w -> {
        }, TicketStatus.OPEN),
        VOICE_REPORT(null, TicketStatus.OPEN),
        /** Someone else reported the same first: this report joins their incident (where the category groups). */
        JOINING_REPORT(null, TicketStatus.OPEN),
        SIMULATOR_REPORT(null, TicketStatus.OPEN),
        COMMITTEE_OK(w -> w.member("OK " + w.reference), TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED),
        COMMITTEE_NOTE(w -> w.member("NOTA " + w.reference + " mañana llega el fontanero"), TicketStatus.OPEN,
                TicketStatus.IN_PROGRESS),
        COMMITTEE_RESOLVE(w -> w.member("LISTO " + w.reference + " se cambió la válvula"), TicketStatus.OPEN,
                TicketStatus.RESOLVED),
        SIMULATOR_COMMITTEE_OK(w -> w.simulate(w.member, "OK " + w.reference), TicketStatus.OPEN, TicketStatus.ACKNOWLEDGED),
        REPORTER_YES(w -> {
            w.dashboard("resolve", Map.of());
            w.reporter("SI");
        }, TicketStatus.CLOSED),
        REPORTER_NO(w -> {
            w.dashboard("resolve", Map.of());
            w.reporter("NO sigue igual");
        }, TicketStatus.OPEN),
        DASHBOARD_NOTE(w -> w.dashboard("note", Map.of("note", "vamos mañana", "sms", "on")), TicketStatus.IN_PROGRESS),
        DASHBOARD_RESOLVE(w -> w.dashboard("resolve", Map.of("note", "listo")), TicketStatus.RESOLVED),
        DASHBOARD_CLOSE(w -> w.dashboard("close", Map.of("note", "no procede")), TicketStatus.CLOSED),
        DASHBOARD_REOPEN(w -> {
            w.dashboard("close", Map.of());
            w.dashboard("reopen", Map.of());
        }, TicketStatus.OPEN),
        DASHBOARD_REASSIGN(w -> w.dashboard("reassign", Map.of("community", w.otherCode)), TicketStatus.OPEN),
        DASHBOARD_MERGE(w -> w.dashboard("merge", Map.of("into", w.secondReport())), TicketStatus.OPEN),
        API_NOTE(w -> w.api(Map.of("action", "note", "note", "vamos mañana", "sms", true)), TicketStatus.IN_PROGRESS),
        API_RESOLVE(w -> w.api(Map.of("action", "resolve")), TicketStatus.RESOLVED),
        API_REASSIGN(w -> w.api(Map.of("action", "reassign", "community", w.otherCode)), TicketStatus.OPEN),
        DEADLINE_REMINDER(w -> w.deadlinePassed("resolve_reminder_at"), TicketStatus.OPEN),
        DEADLINE_ESCALATION(w -> w.deadlinePassed("acknowledge_due_at"), TicketStatus.OPEN),
        AUTOMATIC_CLOSE(w -> {
            w.dashboard("resolve", Map.of());
            w.resolvedLongAgo();
        }, TicketStatus.CLOSED);

        final Path path;
        /** The status for committee tickets, then for integrity complaints (which committees cannot touch). */
        final TicketStatus committeeTicket;
        final TicketStatus integrityComplaint;

        Paths(Path path, TicketStatus status) {
            this(path, status, status);
        }

        Paths(Path path, TicketStatus integrityComplaint, TicketStatus committeeTicket) {
            this.path = path;
            this.committeeTicket = committeeTicket;
            this.integrityComplaint = integrityComplaint;
        }
    }

    static Stream<Arguments> everyPathAndCategory() {
        List<Arguments> rows = new ArrayList<>();
        for (Paths path : Paths.values()) {
            for (Kind kind : Kind.values()) {
                rows.add(Arguments.of(path, kind, Setting.LISTENING));
            }
            for (Setting setting : List.of(Setting.OPTED_OUT, Setting.OVER_LIMIT)) {
                rows.add(Arguments.of(path, Kind.OUTAGE, setting));
                rows.add(Arguments.of(path, Kind.ANONYMOUS_INTEGRITY, setting));
            }
            rows.add(Arguments.of(path, Kind.OUTAGE, Setting.NO_COMMITTEE));
            if (path != Paths.SIMULATOR_REPORT) {
                rows.add(Arguments.of(path, Kind.OUTAGE, Setting.FOREIGN_CALLER));
                rows.add(Arguments.of(path, Kind.ANONYMOUS_INTEGRITY, Setting.FOREIGN_CALLER));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyPathAndCategory")
    void theRulesHoldOnEveryPath(Paths path, Kind kind, Setting setting) {
        World w = new World(kind, setting != Setting.NO_COMMITTEE, setting == Setting.FOREIGN_CALLER);
        switch (setting == Setting.FOREIGN_CALLER ? Paths.VOICE_REPORT : path) {
            case VOICE_REPORT -> w.reportByPhone();
            case SIMULATOR_REPORT -> w.reportInSimulator();
            case JOINING_REPORT -> {
                w.secondReport();
                w.reportBySms();
            }
            default -> w.reportBySms();
        }
        if (setting == Setting.OPTED_OUT) {
            w.reporter("BAJA");
        }
        // What was queued while the phone could still be texted goes out; the rule is about what comes after.
        dispatcher.drain();
        int sentBefore = TwilioApi.sentTo(wiremock, w.reporter).size();
        if (setting == Setting.OVER_LIMIT) {
            for (int i = 0; i < 21; i++) {
                new TestCall(w.reporter).ring();
            }
        }
        if (path.path != null) {
            path.path.run(w);
        }
        dispatcher.drain();

        boolean committeeActs = !kind.integrity() && setting != Setting.NO_COMMITTEE;
        boolean reporterIgnored = (setting == Setting.OVER_LIMIT || setting == Setting.FOREIGN_CALLER)
                && (path == Paths.REPORTER_YES || path == Paths.REPORTER_NO);
        if (!reporterIgnored) {
            // (A phone over the limit, or a foreign one, is not answered, so its SI or NO changes nothing.)
            assertEquals(committeeActs ? path.committeeTicket : path.integrityComplaint, w.status(), "status after " + path);
        }
        if (!committeeActs) {
            List<String> claims = w.reporterTexts().stream().filter(t -> COMMITTEE_CLAIM.matcher(t).find()).toList();
            assertEquals(List.of(), claims, "texts to the reporter that claim the committee was told or acted");
        }
        if (kind.integrity()) {
            assertEquals(List.of(), w.queuedToCommittees(), "SMS queued to committee members about an integrity complaint");
            assertEquals(List.of(), w.sentToCommittees(), "SMS sent to committee members about an integrity complaint");
        }
        if (setting == Setting.FOREIGN_CALLER) {
            assertEquals(List.of(), TwilioApi.sentTo(wiremock, w.reporter), "SMS sent to a foreign number");
        }
        if (setting == Setting.OPTED_OUT || setting == Setting.OVER_LIMIT) {
            List<String> sent = TwilioApi.sentTo(wiremock, w.reporter);
            assertEquals(List.of(), sent.subList(sentBefore, sent.size()), "SMS sent to a reporter who may not be texted");
        }
    }

    /** One fresh community with a committee, a second one (to reassign to), a villager and their report. */
    final class World {

        final Kind kind;
        final String code = TestCommunities.create("Pozo Nuevo");
        final String otherCode = TestCommunities.create("Pozo Viejo");
        final String member = TwilioWebhook.freshVillager();
        final String secondMember = TwilioWebhook.freshVillager();
        final String otherMember = TwilioWebhook.freshVillager();
        final String reporter;
        /** Every answer the reporter got in TwiML. */
        final List<String> twimlToReporter = new ArrayList<>();
        String reference;
        private String session;

        World(Kind kind, boolean withCommittee, boolean foreignReporter) {
            this.kind = kind;
            // A Nigerian mobile number, different for each row.
            this.reporter = foreignReporter ? "+234803" + (1_000_000 + NEXT_FOREIGN.incrementAndGet())
                    : TwilioWebhook.freshVillager();
            if (withCommittee) {
                TestCommunities.addMember(code, "Ana Pozo", member);
                TestCommunities.addMember(code, "Beto Pozo", secondMember);
                TestCommunities.addMember(otherCode, "Carla Pozo", otherMember);
            }
        }

        void reportBySms() {
            if (kind == Kind.ANONYMOUS_INTEGRITY) {
                reporter("ANONIMO " + code + " el tesorero se queda con las cuotas");
            } else {
                reporter(code + " reporte de prueba");
                reporter(kind.digit);
            }
            reference = latestTicketOf(reporter);
        }

        void reportByPhone() {
            TestCall call = new TestCall(reporter);
            call.ring();
            call.press("1");
            call.press(code + "#");
            call.press("1");
            call.press(kind.digit);
            if (kind.integrity()) {
                call.press(kind == Kind.ANONYMOUS_INTEGRITY ? "1" : "2");
            }
            call.recorded("RE" + "a".repeat(32), false);
            call.hangUp();
            reference = latestTicketOf(reporter);
        }

        void reportInSimulator() {
            if (kind == Kind.ANONYMOUS_INTEGRITY) {
                simulate(reporter, "ANONIMO " + code + " el tesorero se queda con las cuotas");
            } else {
                simulate(reporter, code + " reporte de prueba");
                simulate(reporter, kind.digit);
            }
            reference = latestTicketOf(reporter);
            twimlToReporter.addAll(QuarkusTransaction.requiringNew().call(() -> org.aguavoz.intake.sms.InboundMessage
                    .<org.aguavoz.intake.sms.InboundMessage>list("fromPhone = ?1 and replyBody is not null", reporter)
                    .stream().map(m -> m.replyBody).toList()));
        }

        void reporter(String text) {
            String reply = TwilioWebhook.smsReply(reporter, text);
            if (reply != null) {
                twimlToReporter.add(reply);
            }
        }

        void member(String text) {
            TwilioWebhook.smsReply(member, text);
        }

        /** Types the SMS in the phone simulator, as the admin (who may play any phone). */
        void simulate(String phone, String text) {
            given().cookie("aguavoz-session", session()).cookie("aguavoz-csrf", CSRF).formParam("csrf", CSRF)
                    .formParam("phone", phone).formParam("text", text).redirects().follow(false).post("/simulator")
                    .then().statusCode(303);
        }

        void dashboard(String action, Map<String, String> form) {
            given().cookie("aguavoz-session", session()).cookie("aguavoz-csrf", CSRF).formParam("csrf", CSRF)
                    .formParams(form).redirects().follow(false).post("/tickets/{r}/" + action, reference)
                    .then().statusCode(303);
        }

        void api(Map<String, Object> body) {
            TestStaff.asStaff().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/tickets/{r}/actions", reference).then().statusCode(200);
        }

        /** A report of the same kind from another villager (for a merge, or one this world's report joins). */
        String secondReport() {
            String other = TwilioWebhook.freshVillager();
            if (kind == Kind.ANONYMOUS_INTEGRITY) {
                TwilioWebhook.smsReply(other, "ANONIMO " + code + " el tesorero cobra de mas");
            } else {
                TwilioWebhook.smsReply(other, code + " reporte de prueba");
                TwilioWebhook.smsReply(other, kind.digit);
            }
            return latestTicketOf(other);
        }

        /** Moves one deadline of the ticket into the past, then runs the deadline job. */
        void deadlinePassed(String column) {
            Instant past = Instant.now().minus(Duration.ofMinutes(1));
            QuarkusTransaction.requiringNew().run(() -> Ticket.getEntityManager().createNativeQuery(
                            "update ticket set " + column + " = ?1, deadline_check_at = ?1 where reference = ?2")
                    .setParameter(1, past).setParameter(2, reference).executeUpdate());
            checkDeadlines.check();
        }

        void resolvedLongAgo() {
            QuarkusTransaction.requiringNew().run(() -> Ticket.update("resolvedAt = ?1 where reference = ?2",
                    Instant.now().minus(Duration.ofDays(30)), reference));
            closeUnconfirmed.close();
        }

        TicketStatus status() {
            return QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find("reference", reference).firstResult().status);
        }

        /** Outbox rows, sent or refused, about this world's tickets to any committee member. */
        List<String> queuedToCommittees() {
            List<String> members = List.of(member, secondMember, otherMember);
            return QuarkusTransaction.requiringNew().call(() -> OutboundMessage.<OutboundMessage>list("toPhone in ?1", members)
                    .stream().map(m -> m.toPhone + ": " + m.body).toList());
        }

        List<String> sentToCommittees() {
            return Stream.of(member, secondMember, otherMember).flatMap(p -> TwilioApi.sentTo(wiremock, p).stream()).toList();
        }

        /** Everything the reporter read: TwiML answers and SMS Twilio was asked to send. */
        List<String> reporterTexts() {
            List<String> texts = new ArrayList<>(twimlToReporter);
            texts.addAll(TwilioApi.sentTo(wiremock, reporter));
            return texts;
        }

        private String session() {
            if (session == null) {
                session = TestStaff.logIn("admin", TestStaff.ADMIN_PASSWORD);
            }
            return session;
        }
    }

    private static final String CSRF = "w".repeat(43);
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_FOREIGN = new java.util.concurrent.atomic.AtomicInteger(
            java.util.concurrent.ThreadLocalRandom.current().nextInt(8_000_000));

    private static String latestTicketOf(String phone) {
        String reference = QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>find(
                "reporterPhone = ?1 order by createdAt desc, id desc", phone).firstResultOptional().map(t -> t.reference)
                .orElse(null));
        assertNotNull(reference, "no ticket was opened for " + phone);
        assertTrue(reference.matches("[0-9]{4,6}"));
        return reference;
    }
}
