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
 * label for clients that require one. {@code extended_attributes} only when the client asks with
 * {@code extensions=true}, as Chicago's Open311 does: clients that know only the spec get only the spec's fields.
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
        @JsonProperty("long") BigDecimal longitude,
        @JsonProperty("extended_attributes") ExtendedAttributes extendedAttributes) {

    /**
     * Every report stays a service request of its own (its reporter follows it by its reference); a client that
     * counts problems rather than reports groups by {@code parent_service_request_id}, falling back to
     * {@code service_request_id}. The names are those Chicago's Open311 gives the same idea (one pothole reported many
     * times), so tools that already read them count AguaVoz's incidents right.
     *
     * @param duplicate this report joined an incident another report opened
     * @param parentServiceRequestId that first report's reference, itself a service request; null unless a duplicate
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExtendedAttributes(boolean duplicate,
            @JsonProperty("parent_service_request_id") String parentServiceRequestId) {

        static ExtendedAttributes of(Ticket ticket) {
            boolean duplicate = !ticket.incidentReference().equals(ticket.reference);
            return new ExtendedAttributes(duplicate, duplicate ? ticket.incidentReference() : null);
        }
    }

    static ServiceRequestView of(Ticket ticket, String agencyName, Open311Texts texts, boolean extensions) {
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
                ticket.community.longitude,
                extensions ? ExtendedAttributes.of(ticket) : null);
    }

    /** Whole seconds in UTC, "2026-03-01T14:05:00Z": the form of the spec's examples, which every client reads. */
    static String w3(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
