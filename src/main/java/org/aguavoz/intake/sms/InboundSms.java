package org.aguavoz.intake.sms;

/**
 * An incoming SMS as Twilio describes it. {@code from} is kept as Twilio sent it: it is usually E.164, but a
 * short code or alphanumeric sender is still a message that reached us and is stored.
 */
public record InboundSms(String messageSid, String accountSid, String from, String to, String body, int numMedia) {

    public InboundSms {
        body = body == null ? "" : body;
    }
}
