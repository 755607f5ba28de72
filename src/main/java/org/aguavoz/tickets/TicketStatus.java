package org.aguavoz.tickets;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Stored as the enum name; the API and integrators see the lower-case form ({@code in_progress}). */
public enum TicketStatus {
    OPEN, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }
}
