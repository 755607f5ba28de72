package org.aguavoz.intake.voice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.aguavoz.staff.Roles;

/**
 * The same recording for the dashboard's logged-in staff (their session is a cookie of the form login; the API
 * path takes HTTP Basic only). Same rules: staff and admins, integrity and anonymous reports admins only.
 */
@Path("/tickets/{reference}/recording")
public class DashboardRecording {

    private final RecordingResource recordings;

    DashboardRecording(RecordingResource recordings) {
        this.recordings = recordings;
    }

    @GET
    @Produces("audio/mpeg")
    @RolesAllowed({Roles.ADMIN, Roles.STAFF})
    public Response recording(@PathParam("reference") String reference) {
        return recordings.recording(reference);
    }
}
