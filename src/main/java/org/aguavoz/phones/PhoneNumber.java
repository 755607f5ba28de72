package org.aguavoz.phones;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +529611234567}). Its {@link #toString()} is masked so that a number
 * that slips into a log line or an exception message never shows in full; call {@link #e164()} where the
 * whole number is really needed (the database, Twilio).
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /** All but the last three digits hidden: {@code +52*******567}. */
    public String masked() {
        return mask(e164);
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Masks any number-like text the same way; for values that were never parsed. */
    public static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() <= 3) {
            return "***";
        }
        String prefix = raw.startsWith("+") && digits.length() > 8 ? "+" + digits.substring(0, 2) : "";
        int hidden = digits.length() - 3 - (prefix.isEmpty() ? 0 : 2);
        return prefix + "*".repeat(hidden) + digits.substring(digits.length() - 3);
    }
}
