package org.aguavoz.tickets;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "aguavoz.tickets")
public interface TicketsConfig {

    /**
     * How long a resolved ticket waits for the reporter's SI or NO before it is closed as resolved but
     * unconfirmed. Villagers may read SMS once a day, or be away for the weekend.
     */
    @WithDefault("PT72H")
    Duration confirmationWait();
}
