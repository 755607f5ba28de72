package org.aguavoz.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.Pattern;

@ConfigMapping(prefix = "aguavoz")
public interface PublicUrlConfig {

    /**
     * The base URL Twilio calls, as Twilio sees it. Webhook signatures are computed over this URL, so behind a
     * proxy or tunnel it must be the outside address, not the one the app listens on.
     */
    @WithName("public-url")
    @WithDefault("http://localhost:8080")
    @Pattern(regexp = "https?://[^/?#\\s]+(/[^?#\\s]*[^/?#\\s])?",
            message = "must be an absolute http(s) URL without a trailing slash, e.g. https://agua.example.mx")
    String value();
}
