package org.aguavoz.intake.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.intake.TwilioForm;
import org.aguavoz.outbox.DeliveryReports;

/**
 * Twilio's delivery reports for what we sent (signed, checked by TwilioSignatureFilter): the form is read here,
 * at the edge; what a report means for the message is the outbox's ({@link DeliveryReports}).
 */
@Path("/twilio/sms/status")
public class SmsStatusCallbackResource {

    private final DeliveryReports reports;

    SmsStatusCallbackResource(DeliveryReports reports) {
        this.reports = reports;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(byte[] form) {
        TwilioForm params = TwilioForm.parse(form);
        String messageSid = params.get("MessageSid");
        String status = params.get("MessageStatus");
        if (messageSid == null || !DeliveryReports.isKnown(status)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        reports.record(messageSid, status, params.get("ErrorCode"));
        return Response.noContent().build();
    }
}
