package org.aguavoz.intake.sms;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;

/**
 * The TwiML the SMS webhook answers: nothing, or one message. The Twilio SDK renders both; what this class adds is
 * speed. The SDK builds a new XML parser and transformer for every {@code toXml()} (looked up through
 * ServiceLoader across the whole class path), which measured a quarter of the webhook's CPU. So the SDK renders the
 * message envelope once, around a marker, and each reply is escaped into it. Only text made of characters the SDK's
 * serializer writes as they are (besides {@code & < >}) takes that path; anything else (a carriage return, an emoji,
 * control characters) is left to the SDK. {@code SmsTwimlTest} pins both paths to the SDK's own output.
 */
final class SmsTwiml {

    /** Twilio's "send nothing" answer. */
    static final String NOTHING = new MessagingResponse.Builder().build().toXml();

    private static final String MARK = "AGUAVOZREPLYMARK";
    private static final String ENVELOPE = sdk(MARK);
    private static final String BEFORE = ENVELOPE.substring(0, ENVELOPE.indexOf(MARK));
    private static final String AFTER = ENVELOPE.substring(ENVELOPE.indexOf(MARK) + MARK.length());

    private SmsTwiml() {
    }

    /** The TwiML that sends {@code reply} back to the sender, or says nothing for null. */
    static String reply(String reply) {
        if (reply == null) {
            return NOTHING;
        }
        if (reply.isEmpty()) {
            return sdk(reply); // <Body/>
        }
        StringBuilder xml = new StringBuilder(BEFORE.length() + reply.length() + 16 + AFTER.length()).append(BEFORE);
        for (int i = 0; i < reply.length(); i++) {
            char c = reply.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> {
                    if (!writtenAsIs(c)) {
                        return sdk(reply);
                    }
                    xml.append(c);
                }
            }
        }
        return xml.append(AFTER).toString();
    }

    /** The SDK's own rendering; also what {@link #reply} must equal. */
    static String sdk(String reply) {
        return new MessagingResponse.Builder()
                .message(new Message.Builder().body(new Body.Builder(reply).build()).build())
                .build().toXml();
    }

    /** Printable characters of the Basic Multilingual Plane below the surrogates, tab and line feed. */
    static boolean writtenAsIs(char c) {
        return c == '\n' || c == '\t' || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0xD800);
    }
}
