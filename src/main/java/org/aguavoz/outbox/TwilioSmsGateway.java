package org.aguavoz.outbox;

import java.util.Locale;
import java.util.Optional;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.config.PublicUrlConfig;
import org.aguavoz.config.SmsConfig;
import org.aguavoz.config.TwilioConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** Hands one SMS to Twilio's REST API with the SDK, and says what became of it. No retries here. */
@ApplicationScoped
class TwilioSmsGateway {

    private final Optional<TwilioRestClient> client;
    private final Optional<String> from;
    private final String statusCallback;

    TwilioSmsGateway(TwilioConfig twilio, SmsConfig sms, PublicUrlConfig publicUrl, OutboxConfig outbox) {
        Timeout timeout = Timeout.ofMilliseconds(outbox.twilioTimeout().toMillis());
        RequestConfig requests = RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setResponseTimeout(timeout)
                .build();
        this.client = twilio.credentialsPresent()
                ? Optional.of(new TwilioRestClient.Builder(twilio.accountSid().orElseThrow(), twilio.authToken().orElseThrow())
                        .httpClient(new ApiUrlHttpClient(twilio.apiUrl(), new NetworkHttpClient(httpClient(requests, timeout))))
                        .build())
                : Optional.empty();
        this.from = sms.from();
        this.statusCallback = publicUrl.value() + "/twilio/sms/status";
    }

    /**
     * Apache HttpClient would retry a 429 or 503 by itself after a second, and an I/O error on its own; the
     * outbox must see every try to count it, back off and avoid sending twice.
     */
    private static HttpClientBuilder httpClient(RequestConfig requests, Timeout timeout) {
        return HttpClientBuilder.create()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(requests)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .build());
    }

    /** The number or Messaging Service SMS go out from; empty when AguaVoz cannot send (the demo). */
    Optional<String> sender() {
        return client.isPresent() ? from : Optional.empty();
    }

    SendResult send(String to, String body) {
        String sender = sender().orElseThrow(() -> new IllegalStateException("no Twilio credentials"));
        MessageCreator creator = sender.startsWith("MG")
                ? Message.creator(new PhoneNumber(to), sender, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(sender), body);
        creator.setStatusCallback(statusCallback);
        try {
            Message message = creator.create(client.orElseThrow());
            return new SendResult.Accepted(message.getSid(), status(message.getStatus()));
        } catch (ApiException e) {
            if (e.getStatusCode() == null) {
                // The SDK turns I/O failures into an ApiException with only the IOException's message.
                return readTimedOut(e.getMessage())
                        ? new SendResult.Unknown("no answer from Twilio: " + e.getMessage())
                        : new SendResult.Temporary("cannot reach Twilio: " + e.getMessage(), null);
            }
            int status = e.getStatusCode();
            String reason = "Twilio " + status + (e.getCode() == null ? "" : " error " + e.getCode()) + ": " + e.getMessage();
            if (status == 429 || status >= 500) {
                return new SendResult.Temporary(reason, e.getCode());
            }
            return new SendResult.Permanent(reason, e.getCode());
        } catch (ApiConnectionException e) {
            return readTimedOut(e.getMessage())
                    ? new SendResult.Unknown("no answer from Twilio: " + e.getMessage())
                    : new SendResult.Temporary("cannot reach Twilio: " + e.getMessage(), null);
        }
    }

    /**
     * A read timeout means the request went out and Twilio may have sent the SMS; a refused or reset connection
     * means it did not. The SDK keeps only the message text of the I/O error, so that is what is read.
     */
    private static boolean readTimedOut(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return text.contains("timed out") && !text.contains("connect");
    }

    private static OutboundMessage.Status status(Message.Status status) {
        if (status == null) {
            return OutboundMessage.Status.QUEUED;
        }
        return switch (status.toString()) {
            case "sent" -> OutboundMessage.Status.SENT;
            case "delivered" -> OutboundMessage.Status.DELIVERED;
            case "undelivered" -> OutboundMessage.Status.UNDELIVERED;
            case "failed" -> OutboundMessage.Status.FAILED;
            default -> OutboundMessage.Status.QUEUED; // queued, accepted, sending, scheduled
        };
    }
}
