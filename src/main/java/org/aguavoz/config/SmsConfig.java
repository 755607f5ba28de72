package org.aguavoz.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;

@ConfigMapping(prefix = "aguavoz.sms")
public interface SmsConfig {

    /** The agency's Twilio number in E.164, or a Messaging Service SID (MG…) that picks the number. */
    Optional<@Pattern(regexp = "\\+[1-9][0-9]{6,14}|MG[0-9a-fA-F]{32}",
            message = "must be a phone number in E.164 (+52961…) or a Messaging Service SID (MG + 32 hex digits)") String> from();
}
