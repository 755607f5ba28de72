package org.aguavoz.intake;

import java.net.URLDecoder;
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

    public static TwilioForm parse(byte[] body) {
        Map<String, String> params = new HashMap<>();
        String form = new String(body, StandardCharsets.UTF_8);
        if (!form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            }
        }
        return new TwilioForm(Collections.unmodifiableMap(params));
    }

    public String get(String name) {
        return params.get(name);
    }
}
