package org.aguavoz.agency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;

/** AGUAVOZ_QUIET_HOURS: the quiet hours of the agency created on the first start; later edited in the database. */
@ConfigMapping(prefix = "aguavoz")
public interface QuietHoursConfig {

    @WithName("quiet-hours")
    @WithDefault("21:00-07:00")
    @Pattern(regexp = "(?i)\\s*(off|\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2})\\s*",
            message = "must be HH:MM-HH:MM in the agency's time zone (e.g. 21:00-07:00) or off")
    String value();
}
