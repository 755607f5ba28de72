package org.aguavoz.communities;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A community as an integrator or the dashboard sends it. */
public record CommunityRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = "[0-9]{1,6}", message = "must be 1 to 6 digits, as printed on the community's posters")
        String code,

        // One line, at most CommunityNames.MAX_NAME characters: checked by CreateCommunity for every way in.
        @NotBlank(message = "is required")
        String name,

        @Size(max = 50, message = "at most 50 spelling variants")
        List<@NotBlank(message = "must not be blank") String> aliases,

        @DecimalMin(value = "-90", message = "must be between -90 and 90")
        @DecimalMax(value = "90", message = "must be between -90 and 90")
        BigDecimal latitude,

        @DecimalMin(value = "-180", message = "must be between -180 and 180")
        @DecimalMax(value = "180", message = "must be between -180 and 180")
        BigDecimal longitude) {

    public List<String> aliasesOrEmpty() {
        return aliases == null ? List.of() : aliases;
    }
}
