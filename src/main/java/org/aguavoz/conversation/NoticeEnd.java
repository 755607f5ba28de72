package org.aguavoz.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aguavoz.communities.SpellingVariant;

/**
 * The last day of a committee's notice, from its words: "sin agua hasta el jueves" lasts to the end of Thursday. A
 * notice that names no end lasts to the end of the next day: long enough for a repair of a day or two, short enough
 * that a forgotten notice does not keep the committee from hearing of reports for long (it can send a new one the
 * next day). A weekday is the next one to come, today's name meaning today: a shorter notice only means the
 * committee hears of new reports sooner.
 */
final class NoticeEnd {

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("lunes", DayOfWeek.MONDAY), Map.entry("martes", DayOfWeek.TUESDAY),
            Map.entry("miercoles", DayOfWeek.WEDNESDAY), Map.entry("jueves", DayOfWeek.THURSDAY),
            Map.entry("viernes", DayOfWeek.FRIDAY), Map.entry("sabado", DayOfWeek.SATURDAY),
            Map.entry("domingo", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));

    /** In the community-name form of the words: lower case, no accents ("mañana" is "manana"), single spaces. */
    private static final Pattern UNTIL = Pattern.compile(
            "\\b(?:hasta|until|till)(?: el| este| the| this)? (pasado manana|manana|hoy|tomorrow|today|"
                    + String.join("|", WEEKDAYS.keySet()) + ")\\b");

    private NoticeEnd() {
    }

    /** The last day the words name, or the day after {@code today} when they name none. */
    static LocalDate lastDay(String words, LocalDate today) {
        return named(words, today).orElse(today.plusDays(1));
    }

    private static Optional<LocalDate> named(String words, LocalDate today) {
        Matcher until = UNTIL.matcher(SpellingVariant.normalize(words));
        if (!until.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (until.group(1)) {
            case "hoy", "today" -> today;
            case "manana", "tomorrow" -> today.plusDays(1);
            case "pasado manana" -> today.plusDays(2);
            default -> today.with(TemporalAdjusters.nextOrSame(WEEKDAYS.get(until.group(1))));
        });
    }
}
