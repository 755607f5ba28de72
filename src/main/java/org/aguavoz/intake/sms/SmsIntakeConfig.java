package org.aguavoz.intake.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The SMS webhook's own settings. Others under the same prefix belong to the rules they feed: the per-phone limit and
 * foreign numbers ({@code outbox.PhoneRulesConfig}), how long a question waits ({@code conversation.ConversationConfig}).
 */
@ConfigMapping(prefix = "aguavoz.sms.intake")
public interface SmsIntakeConfig {

    /**
     * Webhooks in flight beyond which intake is flooded: the webhook then only stores the message and answers with
     * empty TwiML, and the answer follows as an SMS from the outbox ({@link IntakeLoad}). Also the most messages
     * answered at once. 0: twice the processors.
     */
    @WithDefault("0")
    @Min(0)
    @Max(1_000)
    int maxConcurrentAnswers();
}
