package org.aguavoz.intake.sms;

import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.intake.TwilioForm;

/**
 * Twilio's incoming-message webhook. The signature was checked by TwilioSignatureFilter before we get here.
 * The answer is TwiML: the reply to the reporter travels in the HTTP response, so no network call is made
 * while Twilio waits.
 */
@Path("/twilio/sms")
public class SmsWebhookResource {

    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    private final ReceiveSms receiveSms;

    SmsWebhookResource(ReceiveSms receiveSms) {
        this.receiveSms = receiveSms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    public Response receive(byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        String messageSid = params.get("MessageSid");
        String accountSid = params.get("AccountSid");
        String from = params.get("From");
        String to = params.get("To");
        if (messageSid == null || !MESSAGE_SID.matcher(messageSid).matches() || accountSid == null
                || !ACCOUNT_SID.matcher(accountSid).matches() || from == null || from.isBlank() || to == null) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity("MessageSid, AccountSid, From and To are required").build();
        }
        String reply = receiveSms.receive(InboundSms.fromTwilio(messageSid, accountSid, from.strip(), to.strip(),
                params.get("Body"), parseCount(params.get("NumMedia"))));
        // An empty <Response/> when there is nothing to say: Twilio then sends nothing.
        return Response.ok(SmsTwiml.reply(reply)).build();
    }

    private static int parseCount(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
