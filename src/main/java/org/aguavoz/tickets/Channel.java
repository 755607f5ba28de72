package org.aguavoz.tickets;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How something reached AguaVoz or was done in it. */
public enum Channel {
    SMS, VOICE, DASHBOARD, API, SYSTEM;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
