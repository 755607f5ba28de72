package org.aguavoz.dashboard;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.agency.Agency;
import org.aguavoz.committees.CommitteeMembership;
import org.aguavoz.config.SmsConfig;
import org.aguavoz.config.TwilioConfig;
import org.aguavoz.intake.sms.InboundMessage;
import org.aguavoz.intake.sms.InboundSms;
import org.aguavoz.intake.sms.ReceiveSms;
import org.aguavoz.outbox.OutboundMessage;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import org.aguavoz.reporters.Reporter;
import org.aguavoz.staff.Roles;
import org.aguavoz.tickets.Tickets;
import org.aguavoz.tickets.Visibility;

/**
 * A phone on the screen, for training and demos: a text typed here goes through exactly the code that answers
 * Twilio's webhook (ReceiveSms, after the signature check), and the page shows AguaVoz's replies and the SMS other
 * phones receive. Off unless AGUAVOZ_SIMULATOR_ENABLED=true (the demo turns it on). Staff may not play a phone
 * that reported anonymously or about integrity ({@link Visibility#mayPlay}): they would read its words and could
 * answer as its owner.
 */
@Path("/simulator")
@Produces(MediaType.TEXT_HTML)
public class SimulatorResource {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The phones to pick from, and the one played: what it sent and received, and the SMS others got about it. */
    @TemplateData
    record SimulatorView(List<Phone> phones, String phone, List<Line> conversation, List<Line> others) {
    }

    @TemplateData
    record Line(String at, String from, String to, String text, String state, boolean mine) {
    }

    @TemplateData
    record Phone(String number, String label, boolean selected) {
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance simulator(SimulatorView page, String csrf, String user, String language);
    }

    private final SimulatorConfig config;
    private final ReceiveSms receiveSms;
    private final PhoneNumbers phoneNumbers;
    private final SecurityIdentity identity;
    private final Tickets tickets;
    private final String accountSid;
    private final String agencyNumber;

    SimulatorResource(SimulatorConfig config, ReceiveSms receiveSms, PhoneNumbers phoneNumbers, SecurityIdentity identity,
            Tickets tickets, TwilioConfig twilio, SmsConfig sms) {
        this.tickets = tickets;
        this.config = config;
        this.receiveSms = receiveSms;
        this.phoneNumbers = phoneNumbers;
        this.identity = identity;
        this.accountSid = twilio.accountSid().orElse("AC" + "0".repeat(32));
        this.agencyNumber = sms.from().filter(f -> f.startsWith("+")).orElse("+520000000000");
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response show(@QueryParam("phone") String phone, @QueryParam("lang") String lang,
            @CookieParam(PageLanguage.COOKIE) String langCookie, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        requireEnabled();
        String language = PageLanguage.choose(lang, langCookie);
        Optional<PhoneNumber> selected = phone == null ? Optional.empty() : phoneNumbers.parse(phone);
        Visibility visibility = Visibility.of(identity);
        if (selected.isPresent() && !visibility.mayPlay(selected.get(), tickets)) {
            throw new ForbiddenException();
        }
        ZoneId zone = Agency.get().zone();
        UiTexts ui = PageLanguage.texts(language);
        List<Line> conversation = selected.map(p -> conversation(p, zone, ui)).orElse(List.of());
        List<Line> others = selected.map(p -> others(p, zone, ui)).orElse(List.of());
        String token = Csrf.tokenFor(csrfCookie);
        SimulatorView page = new SimulatorView(phones(selected, visibility), selected.map(PhoneNumber::e164).orElse(""),
                conversation, others);
        return Response.ok(Templates.simulator(page, token, identity.getPrincipal().getName(), language)
                        .setLocale(Locale.forLanguageTag(language)))
                .cookie(Csrf.cookie(token)).build();
    }

    /** The same path as Twilio's webhook after its signature check: stored first, then answered. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response send(@FormParam("phone") String phone, @FormParam("text") String text,
            @FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        requireEnabled();
        Csrf.check(csrf, csrfCookie);
        PhoneNumber from = phoneNumbers.parse(phone == null ? "" : phone)
                .orElseThrow(() -> new jakarta.ws.rs.BadRequestException("not a phone number: " + phone));
        Visibility visibility = Visibility.of(identity);
        if (!QuarkusTransaction.requiringNew().call(() -> visibility.mayPlay(from, tickets))) {
            throw new ForbiddenException();
        }
        byte[] sid = new byte[16];
        RANDOM.nextBytes(sid);
        // Recorded as simulated, with the staff user who typed it: the timeline names them, never the phone played.
        receiveSms.receive(new InboundSms("SM" + HexFormat.of().formatHex(sid), accountSid, from.e164(), agencyNumber,
                text == null ? "" : text, 0, identity.getPrincipal().getName()));
        return Response.seeOther(URI.create("/simulator?phone=" + URLEncoder.encode(from.e164(), StandardCharsets.UTF_8))).build();
    }

    /** What this phone sent and received, oldest first: its messages, the answers in TwiML, the SMS sent to it. */
    private List<Line> conversation(PhoneNumber phone, ZoneId zone, UiTexts ui) {
        record Timed(Instant at, Line line) {
        }
        List<Timed> lines = new ArrayList<>();
        for (InboundMessage in : InboundMessage.<InboundMessage>list("fromPhone = ?1 order by receivedAt desc", phone.e164())
                .stream().limit(30).toList()) {
            lines.add(new Timed(in.receivedAt, new Line(WHEN.format(in.receivedAt.atZone(zone)), phone.masked(), "AguaVoz",
                    in.body, "", true)));
            if (in.replyBody != null && "TWIML".equals(in.replyChannel)) {
                Instant at = in.processedAt == null ? in.receivedAt : in.processedAt;
                lines.add(new Timed(at, new Line(WHEN.format(at.atZone(zone)), "AguaVoz", phone.masked(), in.replyBody, "", false)));
            }
        }
        for (OutboundMessage out : OutboundMessage.<OutboundMessage>list("toPhone = ?1 order by createdAt desc", phone.e164())
                .stream().limit(30).toList()) {
            lines.add(new Timed(out.createdAt, new Line(WHEN.format(out.createdAt.atZone(zone)), "AguaVoz", phone.masked(),
                    out.body, Labels.delivery(out.status, ui), false)));
        }
        lines.sort(Comparator.comparing(Timed::at));
        return lines.stream().map(Timed::line).toList();
    }

    /** SMS to other phones about this phone's reports (committee notices, escalations), newest first. */
    private List<Line> others(PhoneNumber phone, ZoneId zone, UiTexts ui) {
        return OutboundMessage.<OutboundMessage>list("""
                        toPhone <> ?1 and ticketId in (select t.id from Ticket t where t.reporterPhone = ?1)
                        order by createdAt desc""", phone.e164())
                .stream().limit(20)
                .map(out -> new Line(WHEN.format(out.createdAt.atZone(zone)), "AguaVoz", new PhoneNumber(out.toPhone).masked(),
                        out.body, Labels.delivery(out.status, ui), false))
                .toList();
    }

    /**
     * Committee members and recent reporters, to pick one quickly in a training session; only the phones this user
     * may play, so staff never see the number of someone who reported anonymously or about integrity.
     */
    private List<Phone> phones(Optional<PhoneNumber> selected, Visibility visibility) {
        List<Phone> phones = new ArrayList<>();
        for (CommitteeMembership member : CommitteeMembership.<CommitteeMembership>list(
                "endedAt is null order by community.code, name")) {
            if (phones.size() >= 40) {
                break;
            }
            phones.add(new Phone(member.phone, member.name + " (" + member.community.code + " " + member.community.name + ")",
                    selected.map(p -> p.e164().equals(member.phone)).orElse(false)));
        }
        // Villagers who reported lately (the demo's are there from the start).
        for (Reporter reporter : Reporter.<Reporter>find("order by updatedAt desc").page(0, 20).list()) {
            String where = reporter.community == null ? "" : " (" + reporter.community.code + " " + reporter.community.name + ")";
            phones.add(new Phone(reporter.phone, new PhoneNumber(reporter.phone).masked() + where,
                    selected.map(p -> p.e164().equals(reporter.phone)).orElse(false)));
        }
        Set<String> playable = Set.copyOf(visibility.playable(phones.stream().map(Phone::number).toList(), tickets));
        return phones.stream().filter(p -> playable.contains(p.number())).toList();
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new NotFoundException();
        }
    }
}
