package org.aguavoz.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@ConfigMapping(prefix = "aguavoz.outbox")
public interface OutboxConfig {

    /** How often each instance looks for SMS to send. */
    @WithDefault("1s")
    Duration pollEvery();

    /** Rows one claim takes; a sender never holds more than it can send before its lease runs out. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int batchSize();

    /** How long a claimed row is held. Longer than a Twilio call can take, so a live sender never loses it. */
    @WithDefault("PT2M")
    Duration lease();

    /** First retry after a temporary failure (429, 5xx, timeout); then doubling, with jitter. */
    @WithDefault("PT2S")
    Duration firstRetryAfter();

    @WithDefault("PT10M")
    Duration maxRetryAfter();

    /** Tries before a message is marked failed. */
    @WithDefault("8")
    @Min(1)
    @Max(50)
    int maxAttempts();

    /**
     * SMS per second from one sending number, across all instances. A Mexican long code sends about 1 a second;
     * a Messaging Service with several numbers or a short code more. 0 means no limit.
     */
    @WithDefault("1")
    @Min(0)
    double maxPerSecond();

    /** How long to wait for Twilio's answer before the outcome of a send is unknown. */
    @WithDefault("PT10S")
    Duration twilioTimeout();
}
