package org.aguavoz.tickets;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A timeline note written by AguaVoz itself, not by a person. Stored as this name; shown in the reader's language
 * from {@link TimelineTexts}, so no system sentence is a Java literal and each has its English.
 */
public enum SystemNote {
    REPORTER_CONFIRMED, REPORTER_REFUSED, ESCALATED_BY_REPORTER, CLOSED_UNCONFIRMED,
    REMINDED_ACKNOWLEDGE, REMINDED_RESOLVE_HALFWAY, REMINDED_RESOLVE,
    ESCALATED_ACKNOWLEDGE, ESCALATED_RESOLVE;

    private static final Set<String> LANGUAGES = Set.of("es", "en");
    /** Looked up once per language, like the SMS texts. */
    private static final Map<String, TimelineTexts> TEXTS = new ConcurrentHashMap<>();

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SystemNote reminded(DeadlineStep step) {
        return switch (step) {
            case ACKNOWLEDGE -> REMINDED_ACKNOWLEDGE;
            case RESOLVE_HALFWAY -> REMINDED_RESOLVE_HALFWAY;
            case RESOLVE -> REMINDED_RESOLVE;
        };
    }

    static SystemNote escalated(DeadlineStep step) {
        return step == DeadlineStep.ACKNOWLEDGE ? ESCALATED_ACKNOWLEDGE : ESCALATED_RESOLVE;
    }

    /** In the reader's language ("es", "en"; anything else: Spanish). */
    public String text(String language) {
        TimelineTexts texts = TEXTS.computeIfAbsent(LANGUAGES.contains(language) ? language : "es",
                l -> MessageBundles.get(TimelineTexts.class, Localized.Literal.of(l)));
        return switch (this) {
            case REPORTER_CONFIRMED -> texts.reporterConfirmed();
            case REPORTER_REFUSED -> texts.reporterRefused();
            case ESCALATED_BY_REPORTER -> texts.escalatedByReporter();
            case CLOSED_UNCONFIRMED -> texts.closedUnconfirmed();
            case REMINDED_ACKNOWLEDGE -> texts.remindedAcknowledge();
            case REMINDED_RESOLVE_HALFWAY -> texts.remindedResolveHalfway();
            case REMINDED_RESOLVE -> texts.remindedResolve();
            case ESCALATED_ACKNOWLEDGE -> texts.escalatedAcknowledge();
            case ESCALATED_RESOLVE -> texts.escalatedResolve();
        };
    }
}
