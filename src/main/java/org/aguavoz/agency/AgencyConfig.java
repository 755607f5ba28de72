package org.aguavoz.agency;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The agency created on the first start; later changes are made in the database, not here. */
@ConfigMapping(prefix = "aguavoz.agency")
public interface AgencyConfig {

    @WithDefault("Organismo municipal de agua")
    @NotBlank
    @Size(max = 200)
    String name();

    /** Deadlines and quiet hours are counted in this zone (America/Mexico_City, Africa/Nairobi…). */
    @WithDefault("America/Mexico_City")
    ZoneId timeZone();
}
