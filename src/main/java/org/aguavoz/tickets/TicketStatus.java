package org.aguavoz.tickets;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** Stored as the enum name; the API and integrators see the lower-case form ({@code in_progress}). */
public enum TicketStatus {
    OPEN, ACKNOWLEDGED, IN_PROGRESS, RESOLVED, CLOSED;

    /** Someone still has to act: the one definition of "unfinished", for the entity, every query and every page. */
    public static final Set<TicketStatus> UNFINISHED = Set.copyOf(EnumSet.of(OPEN, ACKNOWLEDGED, IN_PROGRESS));

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isUnfinished() {
        return UNFINISHED.contains(this);
    }

    public boolean isFinished() {
        return !isUnfinished();
    }
}
