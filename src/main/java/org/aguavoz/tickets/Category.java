package org.aguavoz.tickets;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a report is about. Deadlines per category are in the database ({@link CategoryDeadlines}). */
public enum Category {
    OUTAGE, QUALITY, LEAK, BILLING,
    /** Fees misused, bribes, favouritism: goes to the agency, never to the committee it may accuse. */
    INTEGRITY,
    OTHER;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
