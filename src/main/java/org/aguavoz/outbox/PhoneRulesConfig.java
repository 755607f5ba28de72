package org.aguavoz.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which phones AguaVoz may text. The names stay under {@code aguavoz.sms.intake} (AGUAVOZ_SMS_INTAKE_…), where
 * agencies have always set them; the rule they feed is {@link SmsGate}, for every SMS whatever caused it.
 */
@ConfigMapping(prefix = "aguavoz.sms.intake")
public interface PhoneRulesConfig {

    /**
     * SMS and calls one phone may send in an hour before AguaVoz stops texting it (one polite answer, then nothing;
     * what it sends is still stored). A villager reporting, answering a question and checking a status sends a
     * handful; hundreds are a stuck phone, abuse, or someone pumping SMS at the agency's cost with faked caller IDs.
     */
    @WithDefault("20")
    @Min(1)
    @Max(10_000)
    int maxPerHour();

    /** Text numbers of other countries (international SMS cost more, and are how SMS pumping earns money). */
    @WithDefault("false")
    boolean acceptForeignNumbers();
}
