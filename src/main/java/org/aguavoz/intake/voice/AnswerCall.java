package org.aguavoz.intake.voice;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.conversation.CallDialogue;
import org.aguavoz.conversation.CallTurn;
import org.aguavoz.conversation.VoiceCall;
import org.aguavoz.conversation.VoiceFlow;
import org.jboss.logging.Logger;

/**
 * A call, one webhook at a time: each webhook locks the call's row, lets the dialogue take the call one turn further,
 * renders that turn as TwiML and stores it, all in one short transaction with no network call. A webhook for a turn
 * already answered (Twilio retried, or two instances got it) gets the same TwiML again.
 *
 * <p>Storing and locking the row, the turn number and the stored TwiML are here rather than in the dialogue: they
 * exist because Twilio may deliver a webhook twice, or to two instances at once, and must get the answer it got
 * before — the same job StoreInboundSms and AnswerSms do for an SMS. The dialogue gets the locked row and decides
 * only what the caller hears and what happens next.
 */
@ApplicationScoped
class AnswerCall {

    private static final Logger LOG = Logger.getLogger(AnswerCall.class);

    /** What Twilio told us in one webhook. */
    record Webhook(String callSid, String from, String digits, String recordingSid, String recordingUrl,
            Integer recordingSeconds) {
    }

    private final EntityManager em;
    private final Flows flows;
    private final CallDialogue dialogue;
    private final Clock clock;
    private final String publicUrl;

    AnswerCall(EntityManager em, Flows flows, CallDialogue dialogue, Clock clock, PublicUrlConfig publicUrl) {
        this.em = em;
        this.flows = flows;
        this.dialogue = dialogue;
        this.clock = clock;
        this.publicUrl = publicUrl.value();
    }

    /** POST /twilio/voice: a new call (or Twilio repeating that webhook). */
    @Transactional
    String incoming(Webhook webhook) {
        Instant now = clock.instant();
        VoiceFlow flow = flows.active();
        em.createNativeQuery("""
                        insert into voice_call (call_sid, from_phone, flow, step, started_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?5) on conflict (call_sid) do nothing""")
                .setParameter(1, webhook.callSid()).setParameter(2, webhook.from()).setParameter(3, flow.name())
                .setParameter(4, flow.start()).setParameter(5, now)
                .executeUpdate();
        VoiceCall call = Objects.requireNonNull(lockOrNull(webhook.callSid()), webhook.callSid());
        if (!call.lastTwiml.isEmpty()) {
            return call.lastTwiml;
        }
        return answered(call, dialogue.start(call, flow));
    }

    /** POST /twilio/voice/step?turn=N: keys pressed (Digits), or none (the redirect after a silent gather). */
    @Transactional
    String step(Webhook webhook, int number) {
        VoiceCall call = lockOrNull(webhook.callSid());
        if (call == null) {
            return unknownCall(webhook);
        }
        if (number <= call.turn) {
            return call.lastTwiml;
        }
        call.turn = number;
        // A webhook for no gather (a stray one) is answered as the one before it.
        return dialogue.keys(call, flows.of(call), webhook.digits()).map(turn -> answered(call, turn))
                .orElseGet(() -> answered(call, call.lastTwiml));
    }

    /** POST /twilio/voice/recorded?turn=N: the recording (if any) after the caller hung up or pressed #. */
    @Transactional
    String recorded(Webhook webhook, int number) {
        VoiceCall call = lockOrNull(webhook.callSid());
        if (call == null) {
            return unknownCall(webhook);
        }
        // Even a repeated webhook may bring the recording, when the first delivery came without it.
        dialogue.recording(call, webhook.recordingSid(), webhook.recordingUrl(), webhook.recordingSeconds());
        if (number <= call.turn) {
            return call.lastTwiml;
        }
        call.turn = number;
        return answered(call, dialogue.afterRecording(call, flows.of(call)));
    }

    /** POST /twilio/voice/status: the call ended (completed, busy, failed…). */
    @Transactional
    void ended(String callSid, String callStatus) {
        VoiceCall call = lockOrNull(callSid);
        if (call == null) {
            LOG.infof("Call %s ended (%s) without a call we know", callSid, callStatus);
            return;
        }
        Instant now = clock.instant();
        dialogue.ended(call, flows.of(call), callStatus);
        if (call.endedAt == null) {
            call.endedAt = now;
        }
        call.updatedAt = now;
    }

    /** Renders the turn; its URLs name the next turn, which tells a repeated webhook from a new one. */
    private String answered(VoiceCall call, CallTurn turn) {
        return answered(call, CallTwiml.render(turn, publicUrl, call.turn + 1));
    }

    private String answered(VoiceCall call, String twiml) {
        call.lastTwiml = twiml;
        call.updatedAt = clock.instant();
        return twiml;
    }

    private String unknownCall(Webhook webhook) {
        LOG.warnf("A webhook for call %s, which AguaVoz never saw start", webhook.callSid());
        return CallTwiml.render(dialogue.unknownCall(flows.active()), publicUrl, 1);
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
