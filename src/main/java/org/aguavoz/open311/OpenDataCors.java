package org.aguavoz.open311;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The public, personal-data-free data (Open311 and the public figures as CSV/JSON) may be read by civic maps and
 * dashboards running on other sites: their answers allow any origin. Nothing else does — no credentials are ever
 * involved here, and the staff API and dashboard stay same-origin only.
 */
public class OpenDataCors {

    @ServerResponseFilter
    public void allowAnyOrigin(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/open311/") || path.equals("/public/figures.csv") || path.equals("/public/figures.json")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }
}
