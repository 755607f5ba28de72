package org.aguavoz.intake.voice;

import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.intake.TwilioForm;
import org.jboss.logging.Logger;

/**
 * Twilio's voice webhooks. Every one is signed (TwilioSignatureFilter checked it before we get here); every answer
 * is TwiML built from the call's flow, computed from the database alone, without a network call. When the call cannot
 * be answered (the database is away), the caller hears an apology and the invitation to send an SMS instead of
 * Twilio's error message.
 */
@Path("/twilio/voice")
public class VoiceWebhookResource {

    private static final Logger LOG = Logger.getLogger(VoiceWebhookResource.class);

    private final AnswerCall answerCall;
    private final OutageApology apology;

    VoiceWebhookResource(AnswerCall answerCall, OutageApology apology) {
        this.answerCall = answerCall;
        this.apology = apology;
    }

    /** The number's "A call comes in" webhook. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response incoming(byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        AnswerCall.Webhook webhook = webhook(params);
        return webhook == null ? badRequest() : answer(() -> answerCall.incoming(webhook));
    }

    /** Keys pressed at a gather, or the redirect that follows a gather nobody answered. */
    @POST
    @Path("step")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response step(@QueryParam("turn") int number, byte[] form) {
        AnswerCall.Webhook webhook = webhook(TwilioForm.parse(form));
        return webhook == null || number < 1 ? badRequest() : answer(() -> answerCall.step(webhook, number));
    }

    /** The {@code <Record>} action, or the redirect after it when nothing was recorded. */
    @POST
    @Path("recorded")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response recorded(@QueryParam("turn") int number, byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        AnswerCall.Webhook webhook = webhook(params);
        return webhook == null || number < 1 ? badRequest() : answer(() -> answerCall.recorded(webhook, number));
    }

    /** The number's "Call status changes" callback: only the end of a call matters here. */
    @POST
    @Path("status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        String callSid = params.get("CallSid");
        String status = params.get("CallStatus");
        if (callSid == null || !callSid.matches("CA[0-9a-fA-F]{32}") || status == null) {
            return badRequest();
        }
        if (status.equals("completed") || status.equals("busy") || status.equals("failed") || status.equals("no-answer")
                || status.equals("canceled")) {
            answerCall.ended(callSid, status);
        }
        return Response.noContent().build();
    }

    /**
     * Any failure, not only a database away: a caller who hears Twilio's "application error" does not know whether to
     * try again, one who is told to send an SMS does.
     */
    private Response answer(Supplier<String> twiml) {
        try {
            return Response.ok(twiml.get()).build();
        } catch (RuntimeException e) {
            LOG.errorf(e, "A call could not be answered; the caller hears the apology and is asked to send an SMS");
            return Response.ok(apology.twiml()).build();
        }
    }

    private static AnswerCall.Webhook webhook(TwilioForm params) {
        String callSid = params.get("CallSid");
        String from = params.get("From");
        if (callSid == null || !callSid.matches("CA[0-9a-fA-F]{32}") || from == null || from.isBlank() || from.length() > 32) {
            return null;
        }
        String recordingSid = params.get("RecordingSid");
        if (recordingSid != null && !recordingSid.matches("RE[0-9a-fA-F]{32}")) {
            recordingSid = null;
        }
        String recordingUrl = params.get("RecordingUrl");
        if (recordingUrl != null && recordingUrl.length() > 500) {
            recordingUrl = null;
        }
        return new AnswerCall.Webhook(callSid, from.strip(), params.get("Digits"), recordingSid,
                recordingSid == null ? null : recordingUrl, seconds(params.get("RecordingDuration")));
    }

    private static Integer seconds(String value) {
        try {
            return value == null ? null : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response badRequest() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                .entity("CallSid and From are required (and ?turn= on steps)").build();
    }
}
