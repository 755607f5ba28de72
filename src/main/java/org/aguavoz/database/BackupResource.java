package org.aguavoz.database;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.aguavoz.api.ApiProblem;
import org.aguavoz.api.Problem;
import org.aguavoz.staff.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A backup on demand: before an upgrade, or before moving the data to another machine. */
@Path("/api/v1/backups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Backups")
public class BackupResource {

    /** {@code file} is the archive's name in the backup directory (AGUAVOZ_BACKUP_DIR). */
    public record BackupView(String file, long bytes, long tookMillis) {
    }

    private final TakeBackup takeBackup;

    BackupResource(TakeBackup takeBackup) {
        this.takeBackup = takeBackup;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Back up the embedded database now, into the backup directory")
    public Response take() {
        long started = System.nanoTime();
        BaseBackup.Taken taken;
        try {
            taken = takeBackup.now();
        } catch (TakeBackup.NoEmbeddedDatabase | TakeBackup.BackupRunning e) {
            throw ApiProblem.conflict(null, e.getMessage());
        } catch (TakeBackup.BackupFailed e) {
            throw new ApiProblem(Problem.of(500, "Backup failed", e.getMessage() + " (details in the log)"));
        }
        return Response.status(Response.Status.CREATED).entity(new BackupView(taken.file().getFileName().toString(),
                taken.bytes(), Duration.ofNanos(System.nanoTime() - started).toMillis())).build();
    }
}
