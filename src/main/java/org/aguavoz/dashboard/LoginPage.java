package org.aguavoz.dashboard;

import java.net.URI;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.aguavoz.staff.EndSessions;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The dashboard's door: the form that posts to the form login ({@code /j_security_check}, which checks the password
 * unless the client is still slowed down by its wrong ones, and, in {@link LoginFormCsrf}, this form's token), and
 * logging out.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance login(boolean error, long waitSeconds, String csrf, String language);
    }

    private final SecurityIdentity identity;
    private final EndSessions endSessions;
    private final String sessionCookie;

    LoginPage(SecurityIdentity identity, EndSessions endSessions,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.identity = identity;
        this.endSessions = endSessions;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error, @QueryParam("wait") String wait,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        String token = Csrf.tokenFor(csrfCookie);
        TemplateInstance page = Templates.login(error != null, waitSeconds(wait), token, language)
                .setLocale(Locale.forLanguageTag(language));
        return PageLanguage.remember(Response.ok(page), lang, language).cookie(Csrf.cookie(token)).build();
    }

    /** Set by the login throttle when it refused a login unchecked; 0 (nothing to say) for anything else. */
    private static long waitSeconds(String wait) {
        return wait != null && wait.matches("[1-9][0-9]{0,3}") ? Long.parseLong(wait) : 0;
    }

    /** A link cannot log anyone out (a page of another site could embed it): only the form's button can. */
    @GET
    @Path("logout")
    public Response logoutLink() {
        return Response.seeOther(URI.create("/")).build();
    }

    /**
     * Ends the user's sessions on the server, so a copy of the cookie taken before stops working too, and removes
     * the cookie from this browser.
     */
    @POST
    @Path("logout")
    public Response logout(@FormParam(Csrf.FIELD) String csrf, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.check(csrf, csrfCookie);
        if (!identity.isAnonymous()) {
            endSessions.of(identity.getPrincipal().getName());
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
