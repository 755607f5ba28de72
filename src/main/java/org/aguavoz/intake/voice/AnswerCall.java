package org.aguavoz.intake.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.conversation.Prompt;
import org.aguavoz.conversation.VoiceCall;
import org.aguavoz.conversation.VoiceFlow;
import org.aguavoz.notices.Replies;
import org.aguavoz.notices.SmsBundles;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.phones.PhoneNumbers;
import org.aguavoz.reporters.Reporter;
import org.aguavoz.reporters.Reporters;
import org.aguavoz.tickets.Actor;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.NewTicket;
import org.aguavoz.tickets.OpenTicket;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.Tickets;
import org.jboss.logging.Logger;

/**
 * A call, one webhook at a time: each turn locks the call's row, moves it through its flow and stores the TwiML
 * it answered, all in one short transaction with no network call. A webhook for a turn already answered (Twilio
 * retried, or two instances got it) gets the same TwiML again.
 */
@ApplicationScoped
public class AnswerCall {

    private static final Logger LOG = Logger.getLogger(AnswerCall.class);

    /** A first play and two repeats; the third wrong or missing key ends the call politely. */
    static final int MAX_MISSES = 3;

    /** What Twilio told us in one webhook. */
    public record Turn(String callSid, String from, String digits, String recordingSid, String recordingUrl,
            Integer recordingSeconds) {
    }

    private final EntityManager em;
    private final Flows flows;
    private final Clock clock;
    private final String publicUrl;
    private final Communities communities;
    private final Reporters reporters;
    private final Tickets tickets;
    private final OpenTicket openTicket;
    private final Replies replies;
    private final PhoneNumbers phoneNumbers;

    AnswerCall(EntityManager em, Flows flows, Clock clock, PublicUrlConfig publicUrl, Communities communities,
            Reporters reporters, Tickets tickets, OpenTicket openTicket, Replies replies, PhoneNumbers phoneNumbers) {
        this.em = em;
        this.flows = flows;
        this.clock = clock;
        this.publicUrl = publicUrl.value();
        this.communities = communities;
        this.reporters = reporters;
        this.tickets = tickets;
        this.openTicket = openTicket;
        this.replies = replies;
        this.phoneNumbers = phoneNumbers;
    }

    /** POST /twilio/voice: a new call (or Twilio repeating that webhook). */
    @Transactional
    public String incoming(Turn turn) {
        Instant now = clock.instant();
        VoiceFlow flow = flows.active();
        em.createNativeQuery("""
                        insert into voice_call (call_sid, from_phone, flow, step, started_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?5) on conflict (call_sid) do nothing""")
                .setParameter(1, turn.callSid()).setParameter(2, turn.from()).setParameter(3, flow.name())
                .setParameter(4, flow.start()).setParameter(5, now)
                .executeUpdate();
        VoiceCall call = lock(turn.callSid());
        if (!call.lastTwiml.isEmpty()) {
            return call.lastTwiml;
        }
        // A phone that reported before is asked "¿Llama por Los Ángeles?" instead of keying in a code.
        caller(call).flatMap(phone -> Optional.ofNullable(reporters.findById(phone.e164())))
                .map(reporter -> reporter.community).ifPresent(community -> call.community = community);
        return answered(call, enter(call, flow, flow.start()));
    }

    /** POST /twilio/voice/step?turn=N: keys pressed (Digits), or none (the redirect after a silent gather). */
    @Transactional
    public String step(Turn turn, int number) {
        VoiceCall call = lockOrNull(turn.callSid());
        if (call == null) {
            return unknownCall(turn);
        }
        if (number <= call.turn) {
            return call.lastTwiml;
        }
        call.turn = number;
        VoiceFlow flow = flow(call);
        if (call.status != VoiceCall.Status.IN_PROGRESS) {
            return answered(call, twiml(call, flow).hangUp());
        }
        return answered(call, press(call, flow, turn.digits() == null ? "" : turn.digits().strip()));
    }

    /** POST /twilio/voice/recorded?turn=N: the recording (if any) after the caller hung up or pressed #. */
    @Transactional
    public String recorded(Turn turn, int number) {
        VoiceCall call = lockOrNull(turn.callSid());
        if (call == null) {
            return unknownCall(turn);
        }
        if (turn.recordingSid() != null && call.recordingSid == null) {
            call.recordingSid = turn.recordingSid();
            call.recordingUrl = turn.recordingUrl();
            call.recordingSeconds = turn.recordingSeconds();
        }
        if (call.ticket != null && call.ticket.recordingSid == null && call.recordingSid != null) {
            // The call-ended callback won the race and opened the ticket; the recording joins it.
            attachRecording(call.ticket, call);
        }
        if (number <= call.turn) {
            return call.lastTwiml;
        }
        call.turn = number;
        VoiceFlow flow = flow(call);
        VoiceFlow.Step step = flow.step(call.step);
        if (call.status != VoiceCall.Status.IN_PROGRESS || step.type() != VoiceFlow.StepType.RECORD) {
            return answered(call, twiml(call, flow).hangUp());
        }
        return answered(call, enter(call, flow, step.next().orElseThrow()));
    }

    /**
     * POST /twilio/voice/status: the call ended. A caller who hung up after choosing community and category still
     * gets a ticket (a report that reached us is stored); earlier, the call is logged as abandoned.
     */
    @Transactional
    public void ended(String callSid, String callStatus) {
        VoiceCall call = lockOrNull(callSid);
        if (call == null) {
            LOG.infof("Call %s ended (%s) without a call we know", callSid, callStatus);
            return;
        }
        Instant now = clock.instant();
        if (call.status == VoiceCall.Status.IN_PROGRESS) {
            if (call.community != null && call.category != null) {
                openTicket(call, flow(call));
            } else {
                call.status = VoiceCall.Status.ABANDONED;
                LOG.infof("Call %s abandoned at step %s (%s)", callSid, call.step, callStatus);
            }
        }
        if (call.endedAt == null) {
            call.endedAt = now;
        }
        call.updatedAt = now;
    }

    private String press(VoiceCall call, VoiceFlow flow, String digits) {
        VoiceFlow.Step step = flow.step(call.step);
        switch (step.type()) {
            case LANGUAGE, MENU -> {
                Optional<VoiceFlow.Choice> choice = step.choices().stream().filter(c -> c.digit().equals(digits)).findFirst();
                if (choice.isEmpty()) {
                    return miss(call, flow, step);
                }
                choice.get().language().ifPresent(language -> call.language = language);
                choice.get().category().ifPresent(category -> call.category = category);
                choice.get().anonymous().ifPresent(anonymous -> call.anonymous = anonymous);
                return enter(call, flow, choice.get().next());
            }
            case COMMUNITY -> {
                return community(call, flow, step, digits);
            }
            default -> {
                // Only gathers come here; anything else is a stray webhook: say nothing new.
                return call.lastTwiml;
            }
        }
    }

    private String community(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step, String digits) {
        switch (call.substep) {
            case CONFIRM, READ_BACK -> {
                if (digits.equals("1")) {
                    if (call.substep == VoiceCall.Substep.READ_BACK) {
                        call.community = communities.byCode(call.pendingCode).orElseThrow();
                    }
                    return enter(call, flow, step.next().orElseThrow());
                }
                if (digits.equals("2")) {
                    call.substep = VoiceCall.Substep.ENTER;
                    call.pendingCode = null;
                    call.misses = 0;
                    return render(call, flow, step);
                }
                return miss(call, flow, step);
            }
            default -> {
                String code = digits.replace("#", "").replace("*", "");
                Optional<Community> community = code.matches("[0-9]{1,6}") ? communities.byCode(code) : Optional.empty();
                if (community.isPresent()) {
                    call.pendingCode = code;
                    call.substep = VoiceCall.Substep.READ_BACK;
                    call.misses = 0;
                    return render(call, flow, step);
                }
                if (code.isEmpty()) {
                    return miss(call, flow, step);
                }
                call.misses++;
                if (call.misses >= MAX_MISSES) {
                    return goodbye(call, flow);
                }
                CallTwiml twiml = twiml(call, flow)
                        .hear(step.prompt("unknown").get(language(call, flow)), language(call, flow), Map.of("code", CallTwiml.digits(code)));
                return render(call, flow, step, twiml);
            }
        }
    }

    /** A wrong key or none: say so and repeat the prompt, twice; then end the call politely. */
    private String miss(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step) {
        call.misses++;
        if (call.misses >= MAX_MISSES) {
            return goodbye(call, flow);
        }
        String language = language(call, flow);
        return render(call, flow, step, twiml(call, flow).hear(flow.invalid().get(language), language, Map.of()));
    }

    private String goodbye(VoiceCall call, VoiceFlow flow) {
        String language = language(call, flow);
        call.status = VoiceCall.Status.ENDED;
        LOG.infof("Call %s ended after %d wrong or missing keys at step %s", call.callSid, call.misses, call.step);
        // They are still on the line, waiting: the explanation is a reply, never held by quiet hours; once a day at most.
        caller(call).ifPresent(phone -> replies.howToReportByText(phone, flow.languages().get(language).sms()));
        return twiml(call, flow).hear(flow.goodbye().get(language), language, Map.of()).hangUp();
    }

    private String enter(VoiceCall call, VoiceFlow flow, String stepName) {
        VoiceFlow.Step step = flow.step(stepName);
        call.step = stepName;
        call.misses = 0;
        call.substep = null;
        call.pendingCode = null;
        if (step.type() == VoiceFlow.StepType.COMMUNITY) {
            call.substep = call.community != null ? VoiceCall.Substep.CONFIRM : VoiceCall.Substep.ENTER;
        }
        return render(call, flow, step);
    }

    private String render(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step) {
        return render(call, flow, step, twiml(call, flow));
    }

    private String render(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step, CallTwiml twiml) {
        String language = language(call, flow);
        switch (step.type()) {
            case LANGUAGE -> {
                // Before a language is chosen, every language's prompt plays, each in its own voice.
                flow.languages().keySet().forEach(l -> twiml.hear(step.prompt("prompt").get(l), l, Map.of()));
                return twiml.gather(false);
            }
            case MENU -> {
                return twiml.hear(step.prompt("prompt").get(language), language, Map.of()).gather(false);
            }
            case COMMUNITY -> {
                return switch (call.substep) {
                    case CONFIRM -> twiml.hear(step.prompt("confirm").get(language), language,
                            Map.of("community", call.community.name)).gather(false);
                    case READ_BACK -> twiml.hear(step.prompt("readBack").get(language), language,
                            Map.of("community", communities.byCode(call.pendingCode).orElseThrow().name)).gather(false);
                    case ENTER -> twiml.hear(step.prompt("enter").get(language), language, Map.of()).gather(true);
                };
            }
            case RECORD -> {
                return twiml.hear(step.prompt("prompt").get(language), language, Map.of()).record(step.maxSeconds());
            }
            case REPORT -> {
                Ticket ticket = openTicket(call, flow);
                return twiml.hear(step.prompt("prompt").get(language), language,
                        Map.of("reference", CallTwiml.digits(ticket.reference))).hangUp();
            }
            case STATUS -> {
                call.status = VoiceCall.Status.ENDED;
                Optional<Ticket> latest = caller(call).flatMap(phone -> tickets
                        .find("reporterPhone = ?1 order by createdAt desc, id desc", phone.e164()).firstResultOptional());
                if (latest.isEmpty()) {
                    return twiml.hear(step.prompt("none").get(language), language, Map.of()).hangUp();
                }
                SmsTexts texts = SmsBundles.texts(flow.languages().get(language).sms());
                Map<String, String> values = new LinkedHashMap<>();
                values.put("reference", CallTwiml.digits(latest.get().reference));
                values.put("status", SmsBundles.statusLabel(latest.get().status, texts));
                return twiml.hear(step.prompt("found").get(language), language, values).hangUp();
            }
            default -> throw new IllegalStateException("no rendering for " + step.type());
        }
    }

    /** Opens the call's ticket once, whoever gets here first (the last step, or the call-ended callback). */
    private Ticket openTicket(VoiceCall call, VoiceFlow flow) {
        if (call.ticket != null) {
            return call.ticket;
        }
        String language = flow.languages().get(language(call, flow)).sms();
        Optional<PhoneNumber> phone = caller(call);
        boolean anonymous = call.anonymous && call.category == Category.INTEGRITY;
        // The notices tell whom the routing names and text the caller the confirmation (through the outbox's gate).
        Ticket ticket = openTicket.open(new NewTicket(call.community, call.category, Channel.VOICE, phone.orElse(null),
                null, anonymous, language), Actor.reporter(Channel.VOICE)).ticket();
        attachRecording(ticket, call);
        phone.ifPresent(p -> {
            Reporter reporter = reporters.lockOrCreate(p);
            reporter.community = call.community;
            reporter.language = language;
        });
        call.ticket = ticket;
        call.status = VoiceCall.Status.REPORTED;
        return ticket;
    }

    private static void attachRecording(Ticket ticket, VoiceCall call) {
        ticket.recordingSid = call.recordingSid;
        ticket.recordingUrl = call.recordingUrl;
        ticket.recordingSeconds = call.recordingSeconds;
    }

    private String answered(VoiceCall call, String twiml) {
        call.lastTwiml = twiml;
        call.updatedAt = clock.instant();
        return twiml;
    }

    private CallTwiml twiml(VoiceCall call, VoiceFlow flow) {
        return new CallTwiml(flow, publicUrl, call.turn + 1);
    }

    /** The chosen language; before the choice, the first language of the flow. */
    private static String language(VoiceCall call, VoiceFlow flow) {
        return call.language != null && flow.languages().containsKey(call.language) ? call.language
                : flow.languages().keySet().iterator().next();
    }

    private VoiceFlow flow(VoiceCall call) {
        // A call keeps the flow it started with; if that flow was removed since, the active one takes over.
        return flows.named(call.flow).orElseGet(flows::active);
    }

    private Optional<PhoneNumber> caller(VoiceCall call) {
        return phoneNumbers.parse(call.fromPhone);
    }

    private String unknownCall(Turn turn) {
        LOG.warnf("A webhook for call %s, which AguaVoz never saw start", turn.callSid());
        VoiceFlow flow = flows.active();
        String language = flow.languages().keySet().iterator().next();
        return new CallTwiml(flow, publicUrl, 1).hear(flow.goodbye().get(language), language, Map.of()).hangUp();
    }

    private VoiceCall lock(String callSid) {
        return java.util.Objects.requireNonNull(lockOrNull(callSid), callSid);
    }

    /** Locks the row with plain SQL, then loads it: a second delivery of the same turn waits here. */
    private VoiceCall lockOrNull(String callSid) {
        if (em.createNativeQuery("select call_sid from voice_call where call_sid = ?1 for update")
                .setParameter(1, callSid).getResultList().isEmpty()) {
            return null;
        }
        return em.find(VoiceCall.class, callSid);
    }
}
