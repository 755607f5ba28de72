package org.aguavoz.open311;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.aguavoz.tickets.Ticket;

/**
 * A ticket as GeoReport v2 "GET Service Requests" shows it, to anyone. Built from an allow-list of fields: the
 * reporter's number, their words (they may name people), the committee's notes and recordings are never read
 * here, so a new column on {@link Ticket} cannot leak by accident. {@code description} carries the category's
 * label for clients that require one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ServiceRequestView(
        @JsonProperty("service_request_id") String serviceRequestId,
        String status,
        @JsonProperty("status_notes") String statusNotes,
        @JsonProperty("service_name") String serviceName,
        @JsonProperty("service_code") String serviceCode,
        String description,
        @JsonProperty("agency_responsible") String agencyResponsible,
        @JsonProperty("requested_datetime") String requestedDatetime,
        @JsonProperty("updated_datetime") String updatedDatetime,
        @JsonProperty("expected_datetime") String expectedDatetime,
        String address,
        @JsonProperty("address_id") String addressId,
        BigDecimal lat,
        @JsonProperty("long") BigDecimal longitude) {

    static ServiceRequestView of(Ticket ticket, String agencyName, Open311Texts texts) {
        String label = ServiceView.name(ticket.category, texts);
        return new ServiceRequestView(ticket.reference,
                ticket.status.isFinished() ? "closed" : "open",
                ticket.status.apiName(),
                label,
                ticket.category.apiName(),
                label,
                agencyName,
                w3(ticket.createdAt),
                w3(ticket.updatedAt),
                w3(ticket.resolveDueAt),
                ticket.community.name + " (" + ticket.community.code + ")",
                ticket.community.code,
                ticket.community.latitude,
                ticket.community.longitude);
    }

    /** Whole seconds in UTC, "2026-03-01T14:05:00Z": the form of the spec's examples, which every client reads. */
    static String w3(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
