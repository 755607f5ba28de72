package org.aguavoz.staff;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Size;

@ConfigMapping(prefix = "aguavoz.admin")
public interface AdminConfig {

    /**
     * Password of the {@code admin} staff user, set (or changed) at every start. Required in production: there
     * is no default password to forget to change.
     */
    @Size(min = 10, max = 72, message = "must be 10 to 72 characters long")
    String password();
}
