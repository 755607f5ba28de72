package org.aguavoz.intake.sms;

/**
 * An incoming SMS as Twilio describes it. {@code from} is kept as Twilio sent it: it is usually E.164, but a
 * short code or alphanumeric sender is still a message that reached us and is stored. {@code simulatedBy}: the
 * staff user who typed it in the dashboard's phone simulator; null for everything that came through Twilio.
 */
public record InboundSms(String messageSid, String accountSid, String from, String to, String body, int numMedia,
        String simulatedBy) {

    public InboundSms {
        body = body == null ? "" : body;
    }

    public static InboundSms fromTwilio(String messageSid, String accountSid, String from, String to, String body,
            int numMedia) {
        return new InboundSms(messageSid, accountSid, from, to, body, numMedia, null);
    }
}
