package org.aguavoz.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.TicketStatus;

/**
 * The filters of GeoReport v2 "GET Service Requests", checked. Either a list of references, which per the spec
 * overrides every other argument, or a window of requested_datetime [{@code from}, {@code until}) with optional
 * categories and statuses (empty = all).
 */
record RequestQuery(Set<String> references, Set<Category> categories, Set<TicketStatus> statuses, Instant from,
        Instant until) {

    /** The spec's default window and the longest one a client may ask for. */
    static final Duration WINDOW = Duration.ofDays(90);

    /** The spec's "first 1000 requests"; newest first, so the cut drops the oldest. */
    static final int MAX_RESULTS = 1000;

    /** Open311's "open" is AguaVoz's unfinished; its "closed" is everything else. */
    private static final Set<TicketStatus> OPEN = TicketStatus.UNFINISHED;
    private static final Set<TicketStatus> CLOSED = EnumSet.complementOf(EnumSet.copyOf(TicketStatus.UNFINISHED));

    boolean byReference() {
        return !references.isEmpty();
    }

    static RequestQuery parse(List<String> ids, List<String> serviceCodes, List<String> statuses, String startDate,
            String endDate, Instant now) {
        Set<String> references = values(ids);
        if (!references.isEmpty()) {
            return byReferences(references);
        }
        Instant start = dateTime("start_date", startDate);
        Instant end = dateTime("end_date", endDate);
        if (start != null && end != null) {
            if (start.isAfter(end)) {
                throw Open311Error.badRequest("start_date must not be after end_date");
            }
            if (Duration.between(start, end).compareTo(WINDOW) > 0) {
                throw Open311Error.badRequest("start_date and end_date may not span more than 90 days");
            }
        } else if (start != null) {
            end = start.plus(WINDOW);
        } else if (end != null) {
            start = end.minus(WINDOW);
        } else {
            end = now;
            start = now.minus(WINDOW);
        }
        // requested_datetime is shown to the second, so end_date includes the whole second it names: a request
        // shown as 14:05:00Z is found with end_date=14:05:00Z although it was stored at 14:05:00.4.
        Instant until = end.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        return new RequestQuery(Set.of(), categories(serviceCodes), statuses(statuses), start, until);
    }

    /** GET requests/{id}.json: one reference, checked by the caller with {@link #isReference}. */
    static RequestQuery single(String reference) {
        return byReferences(Set.of(reference));
    }

    private static RequestQuery byReferences(Set<String> references) {
        for (String reference : references) {
            if (!isReference(reference)) {
                throw Open311Error.badRequest("service_request_id: '" + reference
                        + "' is not a service request id (4 to 6 digits)");
            }
        }
        if (references.size() > MAX_RESULTS) {
            throw Open311Error.badRequest("service_request_id: at most " + MAX_RESULTS + " ids at once");
        }
        return new RequestQuery(references, Set.of(), Set.of(), null, null);
    }

    static boolean isReference(String value) {
        return value.matches("[0-9]{4,6}");
    }

    private static Set<Category> categories(List<String> serviceCodes) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String code : values(serviceCodes)) {
            String wanted = code.toLowerCase(Locale.ROOT);
            categories.add(Arrays.stream(Category.values()).filter(c -> c.apiName().equals(wanted)).findFirst()
                    .orElseThrow(() -> Open311Error.badRequest("service_code: '" + code + "' is not a service; one of "
                            + Arrays.stream(Category.values()).map(Category::apiName)
                                    .collect(Collectors.joining(", ")))));
        }
        return categories;
    }

    private static Set<TicketStatus> statuses(List<String> values) {
        Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
        for (String value : values(values)) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "open" -> statuses.addAll(OPEN);
                case "closed" -> statuses.addAll(CLOSED);
                default -> throw Open311Error.badRequest("status: '" + value + "' must be open or closed");
            }
        }
        return statuses.size() == TicketStatus.values().length ? Set.of() : statuses;
    }

    /** Repeated and comma-separated forms alike (status=open&status=closed, status=open,closed); blanks ignored. */
    private static Set<String> values(List<String> parameters) {
        Set<String> values = new LinkedHashSet<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String value : parameter.split(",")) {
                    if (!value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        }
        return values;
    }

    private static Instant dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // An unencoded "+06:00" in a query string arrives as " 06:00"; it can only have been a plus.
        String text = value.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Error.badRequest(name + ": '" + value
                    + "' must be a W3C date-time with its time zone, e.g. 2026-03-01T00:00:00Z");
        }
    }
}
