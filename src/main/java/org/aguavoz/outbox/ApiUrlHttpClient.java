package org.aguavoz.outbox;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The Twilio SDK always calls https://api.twilio.com. This client sends each request, unchanged but for the
 * scheme, host and port, to TWILIO_API_URL instead: Twilio itself in production, WireMock in tests.
 */
class ApiUrlHttpClient extends HttpClient {

    private final URI base;
    private final HttpClient delegate;

    ApiUrlHttpClient(URI base, HttpClient delegate) {
        this.base = base;
        this.delegate = delegate;
    }

    /**
     * One request per call: the SDK would otherwise retry 429 and 5xx at once, a few times, on its own. The
     * outbox retries with backoff and counts every try, so it must see each failure.
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        URL original = request.constructURL();
        String basePath = base.getPath() == null || base.getPath().equals("/") ? "" : base.getPath();
        String url = base.getScheme() + "://" + base.getAuthority() + basePath + original.getPath();
        Request copy = new Request(request.getMethod(), url);
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copy(request.getQueryParams(), copy::addQueryParam);
        copy(request.getPostParams(), copy::addPostParam);
        copy(request.getHeaderParams(), copy::addHeaderParam);
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        if (request.getContentType() != null) {
            copy.setContentType(request.getContentType());
        }
        if (request.getBody() != null) {
            copy.setBody(request.getBody());
        }
        return delegate.makeRequest(copy);
    }

    private static void copy(Map<String, List<String>> from, java.util.function.BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }
}
