package org.aguavoz.agency;

import java.time.DateTimeException;
import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The agency's own settings, kept in the database: the environment only seeds them on the first start. */
@Path("/api/v1/agency")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Agency")
public class AgencyResource {

    /** {@code quietHours} as the agency writes it: {@code 21:00-07:00} or {@code off}. */
    public record AgencyView(String name, String timeZone, String quietHours, boolean qualityEscalationsIgnoreQuietHours) {
        static AgencyView of(Agency agency) {
            return new AgencyView(agency.name, agency.timeZone, QuietHours.format(agency.quietHours()),
                    agency.qualityEscalationsIgnoreQuietHours);
        }
    }

    /** Fields left out are not changed. */
    public record AgencyChange(String name, String timeZone, String quietHours, Boolean qualityEscalationsIgnoreQuietHours) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.VIEWER})
    @Operation(summary = "The agency's name, time zone and quiet hours")
    public AgencyView get() {
        return AgencyView.of(Agency.get());
    }

    @PATCH
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the agency's name, time zone or quiet hours (21:00-07:00, or off)")
    public AgencyView change(AgencyChange change) {
        if (change == null) {
            throw ApiProblem.invalidField("quietHours", "a JSON body with the fields to change is required");
        }
        Agency agency = Agency.get();
        if (change.name() != null) {
            if (change.name().isBlank() || change.name().strip().length() > 200) {
                throw ApiProblem.invalidField("name", "must be 1 to 200 characters");
            }
            agency.name = change.name().strip();
        }
        if (change.timeZone() != null) {
            try {
                agency.timeZone = ZoneId.of(change.timeZone().strip()).getId();
            } catch (DateTimeException e) {
                throw ApiProblem.invalidField("timeZone", "\"" + change.timeZone()
                        + "\" is not a time zone such as America/Mexico_City or Africa/Nairobi");
            }
        }
        if (change.quietHours() != null) {
            try {
                agency.setQuietHours(QuietHours.parse(change.quietHours()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("quietHours", e.getMessage());
            }
        }
        if (change.qualityEscalationsIgnoreQuietHours() != null) {
            agency.qualityEscalationsIgnoreQuietHours = change.qualityEscalationsIgnoreQuietHours();
        }
        return AgencyView.of(agency);
    }
}
