package org.aguavoz.intake.sms;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@ConfigMapping(prefix = "aguavoz.sms.intake")
public interface SmsIntakeConfig {

    /**
     * Messages one phone may send in an hour before AguaVoz stops answering it (it still stores them). A villager
     * reporting, answering a question and checking a status sends a handful; hundreds are a stuck phone or abuse.
     */
    @WithDefault("20")
    @Min(1)
    @Max(10_000)
    int maxPerHour();

    /** How long a half-filed report waits for the reporter's answer. */
    @WithDefault("PT24H")
    Duration conversationExpiresAfter();

    /** Answer numbers from other countries (international SMS cost more) and file their reports. */
    @WithDefault("false")
    boolean acceptForeignNumbers();

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
