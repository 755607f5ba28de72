package org.aguavoz.agency;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
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

    /**
     * Phones of the agency staff on duty, in E.164, comma-separated: they get new tickets routed to the agency
     * (integrity complaints, water quality), tickets of communities without a committee, and escalations.
     */
    Optional<List<@Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be phone numbers in E.164 (+52961...)") String>> onDutyPhones();
}
