package org.aguavoz.conversation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Under {@code aguavoz.sms.intake} (AGUAVOZ_SMS_INTAKE_…), where agencies have always set it. */
@ConfigMapping(prefix = "aguavoz.sms.intake")
public interface ConversationConfig {

    /** How long a half-filed report waits for the reporter's answer. */
    @WithDefault("PT24H")
    Duration conversationExpiresAfter();
}
