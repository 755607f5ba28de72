package org.aguavoz.phones;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

@ConfigMapping(prefix = "aguavoz.phone")
public interface PhoneConfig {

    /**
     * ISO 3166 region used for numbers typed the local way ("961 123 4567" in Mexico, "0712 345678" in
     * Kenya). Numbers with a leading + are read as they are, from any country.
     */
    @WithDefault("MX")
    @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO country code such as MX or KE")
    String defaultRegion();
}
