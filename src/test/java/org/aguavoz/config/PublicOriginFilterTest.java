package org.aguavoz.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redirects stay on the site whatever Host a request claims; cookies get Secure once. */
class PublicOriginFilterTest {

    private static final URI PUBLIC_URL = URI.create("https://agua.example.mx");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        /login                                  | /login
        /login?error=1                          | /login?error=1
        https://agua.example.mx/tickets/4821    | https://agua.example.mx/tickets/4821
        https://agua.example.mx:443/            | https://agua.example.mx:443/
        http://evil.example/login               | /login
        http://evil.example                     | /
        https://agua.example.mx.evil.example/x  | /x
        http://agua.example.mx/x                | /x
        https://agua.example.mx:8443/x          | /x
        //evil.example/login?error=1            | /login?error=1
        http://evil.example//evil.example/x     | /evil.example/x
        https://user@agua.example.mx/x          | /x
        http://localhost:8081/tickets/1#acts    | /tickets/1#acts
        """)
    void aRedirectNeverLeavesThePublicOrigin(String location, String expected) {
        assertEquals(expected, PublicOriginFilter.location(location, PUBLIC_URL));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        aguavoz-lang=en;Path=/                      | aguavoz-lang=en;Path=/;Secure
        aguavoz-csrf=x;Path=/;Secure;HttpOnly       | aguavoz-csrf=x;Path=/;Secure;HttpOnly
        aguavoz-csrf=x; Path=/; secure              | aguavoz-csrf=x; Path=/; secure
        """)
    void cookiesAreMarkedSecureOnce(String setCookie, String expected) {
        assertEquals(expected, PublicOriginFilter.secure(setCookie));
    }
}
