package org.aguavoz.phones;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Last line of defence for "logs never print a full phone number": whatever a log line says, any run of
 * seven or more digits (optionally with +, spaces, dots or dashes, as numbers are written) keeps only its
 * last three digits. Code should log {@link PhoneNumber}, whose toString is masked; this catches the rest,
 * such as a number inside a database error. Digits glued to letters (Twilio SIDs) are left alone.
 */
@LoggingFilter(name = "mask-phone-numbers")
public final class PhoneMaskingLogFilter implements Filter {

    private static final Pattern NUMBER_LIKE = Pattern.compile("(?<![A-Za-z0-9])\\+?\\d(?:[ .\\-]?\\d){6,}(?![A-Za-z0-9])");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String formatted = ext.getFormattedMessage();
            String masked = mask(formatted);
            if (formatted != null && !formatted.equals(masked)) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = NUMBER_LIKE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(PhoneNumber.mask(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
