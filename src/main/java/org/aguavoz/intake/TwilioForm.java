package org.aguavoz.intake;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The form body of a Twilio webhook, decoded as UTF-8, which is how Twilio encodes it. (A form decoded without a
 * declared charset would be read as ISO-8859-1, and "mañana" would become "maÃ±ana".) One value per name: Twilio
 * sends no repeated names to these webhooks.
 */
public record TwilioForm(Map<String, String> params) {

    /** Twilio's richest webhook (a voice call with its caller's location) has about 40 fields. */
    public static final int MAX_FIELDS = 200;

    /**
     * @throws Malformed for more than {@link #MAX_FIELDS} fields, a '%' not followed by two hex digits, or bytes that
     *         are not UTF-8; counted and decoded in one pass, so a hostile body costs no more than reading it
     */
    public static TwilioForm parse(byte[] body) {
        Map<String, String> params = new HashMap<>();
        int fields = 0;
        int start = 0;
        while (start < body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end < 0) {
                end = body.length;
            }
            if (end > start) {
                if (++fields > MAX_FIELDS) {
                    throw new Malformed("more than " + MAX_FIELDS + " form fields");
                }
                int eq = indexOf(body, (byte) '=', start, end);
                String name = decode(body, start, eq < 0 ? end : eq);
                String value = eq < 0 ? "" : decode(body, eq + 1, end);
                params.put(name, value);
            }
            start = end + 1;
        }
        return new TwilioForm(Collections.unmodifiableMap(params));
    }

    public String get(String name) {
        return params.get(name);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] body, int from, int to) {
        byte[] bytes = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes[length++] = ' ';
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new Malformed("a '%' not followed by two hex digits");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                bytes[length++] = b;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("text that is not UTF-8");
        }
    }

    /** A body that is not application/x-www-form-urlencoded as Twilio sends it; the message says why, in a few words. */
    public static final class Malformed extends IllegalArgumentException {
        Malformed(String why) {
            super(why, null);
        }
    }
}
