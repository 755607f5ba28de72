package org.aguavoz.intake.voice;

import java.nio.file.Path;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * The recorded prompts of the flows (ivr-flows/audio/), fetched by Twilio for {@code <Play>}. Public like any
 * poster: they hold no personal data. Only files a loaded flow plays are served, so nothing else can be read here.
 */
@jakarta.ws.rs.Path("/ivr-audio/{flow}/{file: .+}")
public class IvrAudioResource {

    private final Flows flows;

    IvrAudioResource(Flows flows) {
        this.flows = flows;
    }

    @GET
    public Response audio(@PathParam("flow") String flow, @PathParam("file") String file) {
        return flows.audio(flow, file).map(path -> Response.ok(path.toUri().getScheme().equals("file") ? path.toFile() : read(path))
                        .type(file.toLowerCase(Locale.ROOT).endsWith(".wav") ? "audio/wav" : "audio/mpeg")
                        .header("Cache-Control", "public, max-age=3600").build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    private static byte[] read(Path path) {
        try {
            return java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
