package org.aguavoz.tickets;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How something reached AguaVoz or was done in it. SIMULATOR: typed by staff in the dashboard's phone simulator. */
public enum Channel {
    SMS, VOICE, DASHBOARD, API, SYSTEM, SIMULATOR;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
