package org.aguavoz.tickets;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The categories, their deadlines and how close reports must come to be one incident. A deadline edit applies to
 * tickets opened (or reopened) from then on: a ticket's due times are fixed when it opens, so nobody's ticket becomes
 * late, or stops being late, because of an edit. A grouping edit applies to the next report that arrives.
 */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Categories and deadlines")
public class CategoryResource {

    /** Shorter would remind committees in the middle of reading the first SMS; longer is no deadline at all. */
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration LONGEST = Duration.ofDays(365);

    /** Durations in ISO-8601, as the agency reads them in the API: PT4H, PT72H, P7D; groupWithin null: never. */
    public record CategoryView(Category code, int displayOrder, String acknowledgeWithin, String resolveWithin,
            String groupWithin) {
        static CategoryView of(CategoryDeadlines deadlines) {
            return new CategoryView(deadlines.code, deadlines.displayOrder, iso(deadlines.acknowledgeWithin),
                    iso(deadlines.resolveWithin), deadlines.groupWithin == null ? null : iso(deadlines.groupWithin));
        }
    }

    /**
     * {@code groupWithin} is a JSON node, not a string, to tell an absent field (Java null: the window stays as it
     * is, so an integration written before incidents existed changes nothing it did not name) from an explicit
     * {@code null} (a NullNode: every report stands alone).
     */
    public record DeadlinesRequest(String acknowledgeWithin, String resolveWithin,
            @Schema(implementation = String.class, nullable = true, description = "ISO-8601 (PT12H); null: every "
                    + "report stands alone; absent: unchanged") JsonNode groupWithin) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "Every category with its deadlines to acknowledge and to resolve")
    public List<CategoryView> list() {
        return CategoryDeadlines.<CategoryDeadlines>listAll().stream()
                .sorted((a, b) -> Short.compare(a.displayOrder, b.displayOrder)).map(CategoryView::of).toList();
    }

    @PUT
    @Path("{code}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a category's deadlines and grouping window (ISO-8601 durations); deadlines apply "
            + "to tickets opened from now on, the window to the next report; groupWithin left out stays as it is")
    public CategoryView update(@PathParam("code") String code, DeadlinesRequest request) {
        CategoryDeadlines deadlines = CategoryDeadlines.findById(category(code));
        if (request == null) {
            throw ApiProblem.invalidField("acknowledgeWithin", "a JSON body with acknowledgeWithin and resolveWithin is required");
        }
        Duration acknowledge = duration("acknowledgeWithin", request.acknowledgeWithin());
        Duration resolve = duration("resolveWithin", request.resolveWithin());
        if (resolve.compareTo(acknowledge) < 0) {
            throw ApiProblem.invalidField("resolveWithin", "must not be shorter than acknowledgeWithin");
        }
        // Checked before anything is set: a wrong window changes no deadline either.
        boolean groupGiven = request.groupWithin() != null;
        Duration group = groupGiven ? groupWindow(deadlines.code, request.groupWithin()) : null;
        deadlines.acknowledgeWithin = acknowledge;
        deadlines.resolveWithin = resolve;
        if (groupGiven) {
            deadlines.groupWithin = group;
        }
        return CategoryView.of(deadlines);
    }

    private static Category category(String code) {
        try {
            return Category.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no category " + code + " (outage, quality, leak, billing, integrity, other)");
        }
    }

    private static Duration duration(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalidField(field, "is required, as an ISO-8601 duration such as PT4H or P7D");
        }
        Duration duration;
        try {
            duration = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(field, "\"" + value + "\" is not an ISO-8601 duration such as PT4H or P7D");
        }
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw ApiProblem.invalidField(field, "must be between PT15M and P365D");
        }
        return duration;
    }

    /** null for an explicit JSON null; the database refuses any window for integrity, but names no field. */
    private static Duration groupWindow(Category category, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (category == Category.INTEGRITY) {
            throw ApiProblem.invalidField("groupWithin", "must be null: integrity complaints never group, each "
                    + "complainant is protected on their own");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ApiProblem.invalidField("groupWithin", "must be an ISO-8601 duration such as PT12H, or null for "
                    + "every report to stand alone");
        }
        return duration("groupWithin", value.asText());
    }

    /** A week or more in whole days as P7D, the rest as Java writes it (PT4H, PT72H, PT1H30M). */
    private static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 && duration.toDays() >= 7 ? "P" + duration.toDays() + "D" : duration.toString();
    }
}
