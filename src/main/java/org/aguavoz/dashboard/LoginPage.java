package org.aguavoz.dashboard;

import java.net.URI;
import java.util.Locale;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The dashboard's door: the form that posts to the form login ({@code /j_security_check}, which checks the password
 * unless the client is still slowed down by its wrong ones), and logging out.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance login(boolean error, long waitSeconds, String language);
    }

    @GET
    @Path("login")
    public Response login(@QueryParam("error") String error, @QueryParam("wait") String wait,
            @QueryParam("lang") String lang, @CookieParam(PageLanguage.COOKIE) String langCookie) {
        String language = PageLanguage.choose(lang, langCookie);
        TemplateInstance page = Templates.login(error != null, waitSeconds(wait), language)
                .setLocale(Locale.forLanguageTag(language));
        return PageLanguage.remember(Response.ok(page), lang, language).build();
    }

    /** Set by the login throttle when it refused a login unchecked; 0 (nothing to say) for anything else. */
    private static long waitSeconds(String wait) {
        return wait != null && wait.matches("[1-9][0-9]{0,3}") ? Long.parseLong(wait) : 0;
    }

    /** Ends the session: the form login keeps it in an encrypted cookie, so removing the cookie ends it. */
    @GET
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder("aguavoz-session").value("").path("/").maxAge(0).build()).build();
    }
}
