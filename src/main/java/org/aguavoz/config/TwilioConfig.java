package org.aguavoz.config;

import java.net.URI;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/**
 * The Twilio account AguaVoz sends and receives through. Without an account SID and auth token AguaVoz still
 * runs (the demo): outgoing SMS are kept in the outbox, marked as not sent.
 */
@ConfigMapping(prefix = "twilio")
public interface TwilioConfig {

    Optional<@Pattern(regexp = "AC[0-9a-fA-F]{32}", message = "must be AC followed by 32 hexadecimal digits") String> accountSid();

    /** Also the key of webhook signatures: a wrong token means every Twilio request is refused. */
    Optional<@Pattern(regexp = "[0-9a-fA-F]{32}", message = "must be 32 hexadecimal digits") String> authToken();

    /** Base URL of Twilio's REST API: WireMock in tests, a staging proxy, or Twilio itself. */
    @WithDefault("https://api.twilio.com")
    URI apiUrl();

    default boolean credentialsPresent() {
        return accountSid().isPresent() && authToken().isPresent();
    }
}
