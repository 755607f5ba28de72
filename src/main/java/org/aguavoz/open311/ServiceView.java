package org.aguavoz.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.aguavoz.tickets.Category;

/** One Open311 service: an AguaVoz category, with the field names of GeoReport v2 "GET Service List". */
record ServiceView(
        @JsonProperty("service_code") String serviceCode,
        @JsonProperty("service_name") String serviceName,
        String description,
        // No category asks the reporter anything beyond the report itself, so no service definition to fetch.
        boolean metadata,
        // A report gets its reference at once (SMS reply, voice read-back).
        String type,
        String keywords,
        String group) {

    static ServiceView of(Category category, Open311Texts texts) {
        return new ServiceView(category.apiName(), name(category, texts), description(category, texts), false,
                "realtime", keywords(category, texts), texts.group());
    }

    static String name(Category category, Open311Texts texts) {
        return switch (category) {
            case OUTAGE -> texts.outageName();
            case QUALITY -> texts.qualityName();
            case LEAK -> texts.leakName();
            case BILLING -> texts.billingName();
            case INTEGRITY -> texts.integrityName();
            case OTHER -> texts.otherName();
        };
    }

    private static String description(Category category, Open311Texts texts) {
        return switch (category) {
            case OUTAGE -> texts.outageDescription();
            case QUALITY -> texts.qualityDescription();
            case LEAK -> texts.leakDescription();
            case BILLING -> texts.billingDescription();
            case INTEGRITY -> texts.integrityDescription();
            case OTHER -> texts.otherDescription();
        };
    }

    private static String keywords(Category category, Open311Texts texts) {
        return switch (category) {
            case OUTAGE -> texts.outageKeywords();
            case QUALITY -> texts.qualityKeywords();
            case LEAK -> texts.leakKeywords();
            case BILLING -> texts.billingKeywords();
            case INTEGRITY -> texts.integrityKeywords();
            case OTHER -> texts.otherKeywords();
        };
    }
}
