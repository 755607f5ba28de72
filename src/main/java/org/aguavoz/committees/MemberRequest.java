package org.aguavoz.committees;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record MemberRequest(
        @NotBlank(message = "is required")
        @Size(max = 120, message = "must be at most 120 characters")
        String name,

        @NotBlank(message = "is required")
        @Size(max = 40, message = "must be at most 40 characters")
        String phone,

        @NotNull(message = "is required: president, secretary, treasurer, operator or member")
        @Pattern(regexp = "president|secretary|treasurer|operator|member",
                message = "must be one of president, secretary, treasurer, operator, member")
        String role) {
}
