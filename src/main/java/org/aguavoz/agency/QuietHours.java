package org.aguavoz.agency;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hours, in the agency's time zone, during which nobody is woken by an SMS that is not the answer to their own
 * message. Written {@code 21:00-07:00}; may cross midnight; {@code off} means none.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final String OFF = "off";

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time (use \"off\")");
        }
    }

    /** Empty for {@code off}. Throws IllegalArgumentException, with what is expected, for anything else. */
    public static Optional<QuietHours> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected quiet hours as HH:MM-HH:MM (e.g. 21:00-07:00) or off");
        }
        if (text.strip().equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        Matcher matcher = RANGE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not HH:MM-HH:MM (e.g. 21:00-07:00) or off");
        }
        try {
            return Optional.of(new QuietHours(time(matcher.group(1)), time(matcher.group(2))));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" has an impossible time of day");
        }
    }

    public boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end); // crosses midnight
    }

    public boolean contains(ZonedDateTime moment) {
        return contains(moment.toLocalTime());
    }

    /** As an agency writes it: {@code 21:00-07:00}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }

    public static String format(Optional<QuietHours> hours) {
        return hours.map(QuietHours::toString).orElse(OFF);
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
    }
}
