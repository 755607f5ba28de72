package org.aguavoz.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.communities.Communities;
import org.aguavoz.communities.Community;
import org.aguavoz.notices.Replies;
import org.aguavoz.notices.SmsBundles;
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
import org.jboss.logging.Logger;

/**
 * A phone call's dialogue: moves the call through the steps of its flow (language, menus, community, recording,
 * report, status), one turn at a time, and says what the caller hears next as a {@link CallTurn}. Runs inside the
 * voice intake's transaction, with the call's row locked, and knows nothing of Twilio. The ticket is opened once,
 * whoever gets there first (the report step, or the end of the call); the notices confirm it to the caller by SMS.
 */
@ApplicationScoped
public class CallDialogue {

    private static final Logger LOG = Logger.getLogger(CallDialogue.class);

    /** A first play and two repeats; the third wrong or missing key ends the call politely. */
    static final int MAX_MISSES = 3;

    private final Communities communities;
    private final Reporters reporters;
    private final OpenTicket openTicket;
    private final Replies replies;
    private final PhoneNumbers phoneNumbers;
    private final ReportStatus reportStatus;

    CallDialogue(Communities communities, Reporters reporters, OpenTicket openTicket, Replies replies,
            PhoneNumbers phoneNumbers, ReportStatus reportStatus) {
        this.communities = communities;
        this.reporters = reporters;
        this.openTicket = openTicket;
        this.replies = replies;
        this.phoneNumbers = phoneNumbers;
        this.reportStatus = reportStatus;
    }

    /** A new call, at the first step of its flow. */
    public CallTurn start(VoiceCall call, VoiceFlow flow) {
        // A phone that reported before is asked "¿Llama por Los Ángeles?" instead of keying in a code.
        caller(call).flatMap(phone -> Optional.ofNullable(reporters.findById(phone.e164())))
                .map(reporter -> reporter.community).ifPresent(community -> call.community = community);
        return enter(call, flow, flow.start());
    }

    /**
     * Keys pressed at a gather (null or blank: none, the caller let it time out). Empty when the call is at no gather
     * (a stray webhook): nothing new to say.
     */
    public Optional<CallTurn> keys(VoiceCall call, VoiceFlow flow, String digits) {
        if (call.status != VoiceCall.Status.IN_PROGRESS) {
            return Optional.of(turn(flow).hangUp());
        }
        return press(call, flow, digits == null ? "" : digits.strip());
    }

    /**
     * A recording of the caller's words (perhaps delivered again, perhaps after the call ended): the call keeps the
     * first one, and so does its ticket when the end of the call opened it before the recording arrived.
     */
    public void recording(VoiceCall call, String recordingSid, String recordingUrl, Integer recordingSeconds) {
        if (recordingSid != null && call.recordingSid == null) {
            call.recordingSid = recordingSid;
            call.recordingUrl = recordingUrl;
            call.recordingSeconds = recordingSeconds;
        }
        if (call.ticket != null && call.ticket.recordingSid == null && call.recordingSid != null) {
            // The call-ended callback won the race and opened the ticket; the recording joins it.
            attachRecording(call.ticket, call);
        }
    }

    /** The record step is over, with or without a recording: on to the next step (anywhere else: hang up). */
    public CallTurn afterRecording(VoiceCall call, VoiceFlow flow) {
        VoiceFlow.Step step = flow.step(call.step);
        if (call.status != VoiceCall.Status.IN_PROGRESS || step.type() != VoiceFlow.StepType.RECORD) {
            return turn(flow).hangUp();
        }
        return enter(call, flow, step.next().orElseThrow());
    }

    /**
     * The call ended. A caller who hung up after choosing community and category still gets a ticket (a report that
     * reached us is stored); earlier, the call is abandoned.
     */
    public void ended(VoiceCall call, VoiceFlow flow, String callStatus) {
        if (call.status == VoiceCall.Status.IN_PROGRESS) {
            if (call.community != null && call.category != null) {
                openTicket(call, flow);
            } else {
                call.status = VoiceCall.Status.ABANDONED;
                LOG.infof("Call %s abandoned at step %s (%s)", call.callSid, call.step, callStatus);
            }
        }
    }

    /** For a call AguaVoz never saw start: the goodbye, in the flow's first language. */
    public CallTurn unknownCall(VoiceFlow flow) {
        String language = flow.languages().keySet().iterator().next();
        return turn(flow).hear(flow.goodbye().get(language), language, Map.of()).hangUp();
    }

    private Optional<CallTurn> press(VoiceCall call, VoiceFlow flow, String digits) {
        VoiceFlow.Step step = flow.step(call.step);
        switch (step.type()) {
            case LANGUAGE, MENU -> {
                Optional<VoiceFlow.Choice> choice = step.choices().stream().filter(c -> c.digit().equals(digits))
                        .findFirst();
                if (choice.isEmpty()) {
                    return Optional.of(miss(call, flow, step));
                }
                choice.get().language().ifPresent(language -> call.language = language);
                choice.get().category().ifPresent(category -> call.category = category);
                choice.get().anonymous().ifPresent(anonymous -> call.anonymous = anonymous);
                return Optional.of(enter(call, flow, choice.get().next()));
            }
            case COMMUNITY -> {
                return Optional.of(community(call, flow, step, digits));
            }
            default -> {
                // Only gathers come here; anything else is a stray webhook.
                return Optional.empty();
            }
        }
    }

    private CallTurn community(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step, String digits) {
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
                Optional<Community> community = code.matches("[0-9]{1,6}") ? communities.byCode(code)
                        : Optional.empty();
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
                String language = language(call, flow);
                return render(call, flow, step,
                        turn(flow).hear(step.prompt("unknown").get(language), language, Map.of("code", digits(code))));
            }
        }
    }

    /** A wrong key or none: say so and repeat the prompt, twice; then end the call politely. */
    private CallTurn miss(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step) {
        call.misses++;
        if (call.misses >= MAX_MISSES) {
            return goodbye(call, flow);
        }
        String language = language(call, flow);
        return render(call, flow, step, turn(flow).hear(flow.invalid().get(language), language, Map.of()));
    }

    private CallTurn goodbye(VoiceCall call, VoiceFlow flow) {
        String language = language(call, flow);
        call.status = VoiceCall.Status.ENDED;
        LOG.infof("Call %s ended after %d wrong or missing keys at step %s", call.callSid, call.misses, call.step);
        // Still on the line, waiting: the explanation is a reply, never held by quiet hours; once a day at most.
        caller(call).ifPresent(phone -> replies.howToReportByText(phone, flow.languages().get(language).sms()));
        return turn(flow).hear(flow.goodbye().get(language), language, Map.of()).hangUp();
    }

    private CallTurn enter(VoiceCall call, VoiceFlow flow, String stepName) {
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

    private CallTurn render(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step) {
        return render(call, flow, step, turn(flow));
    }

    /** The step's prompt after whatever {@code turn} already holds, and what the step waits for. */
    private CallTurn render(VoiceCall call, VoiceFlow flow, VoiceFlow.Step step, CallTurn.Builder turn) {
        String language = language(call, flow);
        switch (step.type()) {
            case LANGUAGE -> {
                // Before a language is chosen, every language's prompt plays, each in its own voice.
                flow.languages().keySet().forEach(l -> turn.hear(step.prompt("prompt").get(l), l, Map.of()));
                return turn.gather(false);
            }
            case MENU -> {
                return turn.hear(step.prompt("prompt").get(language), language, Map.of()).gather(false);
            }
            case COMMUNITY -> {
                return switch (call.substep) {
                    case CONFIRM -> turn.hear(step.prompt("confirm").get(language), language,
                            Map.of("community", call.community.name)).gather(false);
                    case READ_BACK -> turn.hear(step.prompt("readBack").get(language), language,
                            Map.of("community", communities.byCode(call.pendingCode).orElseThrow().name)).gather(false);
                    case ENTER -> turn.hear(step.prompt("enter").get(language), language, Map.of()).gather(true);
                };
            }
            case RECORD -> {
                return turn.hear(step.prompt("prompt").get(language), language, Map.of()).record(step.maxSeconds());
            }
            case REPORT -> {
                Ticket ticket = openTicket(call, flow);
                return turn.hear(step.prompt("prompt").get(language), language,
                        Map.of("reference", digits(ticket.reference))).hangUp();
            }
            case STATUS -> {
                call.status = VoiceCall.Status.ENDED;
                // The same answer as ESTADO by SMS, read aloud.
                Optional<ReportStatus.Known> latest = caller(call).flatMap(phone -> reportStatus.of(phone,
                        Optional.empty(), SmsBundles.texts(flow.languages().get(language).sms())));
                if (latest.isEmpty()) {
                    return turn.hear(step.prompt("none").get(language), language, Map.of()).hangUp();
                }
                Map<String, String> values = new LinkedHashMap<>();
                values.put("reference", digits(latest.get().ticket().reference));
                values.put("status", latest.get().label());
                return turn.hear(step.prompt("found").get(language), language, values).hangUp();
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

    private static CallTurn.Builder turn(VoiceFlow flow) {
        return new CallTurn.Builder(flow);
    }

    /** The chosen language; before the choice, the first language of the flow. */
    private static String language(VoiceCall call, VoiceFlow flow) {
        return call.language != null && flow.languages().containsKey(call.language) ? call.language
                : flow.languages().keySet().iterator().next();
    }

    private Optional<PhoneNumber> caller(VoiceCall call) {
        return phoneNumbers.parse(call.fromPhone);
    }

    /** "4821" → "4, 8, 2, 1": text-to-speech reads each digit with a pause, not "four thousand…". */
    static String digits(String number) {
        return String.join(", ", number.split(""));
    }
}
