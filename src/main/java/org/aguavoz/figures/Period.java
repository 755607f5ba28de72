package org.aguavoz.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * How far back the public figures look. Only three choices, so every published number can be compared with the
 * same number published by another agency or last year, and a script cannot ask for a day-by-day series that would
 * single out one report.
 */
record Period(int days) {

    static final Period DEFAULT = new Period(90);
    private static final Set<Integer> ALLOWED = Set.of(30, 90, 365);

    /** {@code days} as given in the query string; empty when it is not one of 30, 90, 365 (absent: the default). */
    static Optional<Period> parse(String days) {
        if (days == null || days.isBlank()) {
            return Optional.of(DEFAULT);
        }
        String digits = days.strip();
        if (!digits.matches("[0-9]{1,3}") || !ALLOWED.contains(Integer.parseInt(digits))) {
            return Optional.empty();
        }
        return Optional.of(new Period(Integer.parseInt(digits)));
    }

    Instant startBefore(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
