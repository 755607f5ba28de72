package org.aguavoz.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Settings that are only wrong together: checked once, at start-up, with one line that says what to fix. */
class TwilioSettingsCheck {

    private static final Logger LOG = Logger.getLogger(TwilioSettingsCheck.class);

    void check(@Observes StartupEvent start, TwilioConfig twilio, SmsConfig sms, PublicUrlConfig publicUrl) {
        if (twilio.accountSid().isPresent() != twilio.authToken().isPresent()) {
            throw new InvalidSettingException(twilio.accountSid().isPresent() ? "TWILIO_AUTH_TOKEN" : "TWILIO_ACCOUNT_SID",
                    "is missing: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN are set together or not at all");
        }
        if (twilio.credentialsPresent() && sms.from().isEmpty()) {
            throw new InvalidSettingException("AGUAVOZ_SMS_FROM",
                    "is missing: with Twilio credentials AguaVoz needs the number or Messaging Service to send from");
        }
        String scheme = twilio.apiUrl().getScheme();
        if (twilio.apiUrl().getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
            throw new InvalidSettingException("TWILIO_API_URL", "must be an absolute http(s) URL such as https://api.twilio.com");
        }
        if (!twilio.credentialsPresent()) {
            LOG.warn("No Twilio credentials (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): outgoing SMS are kept in the outbox as not sent");
        } else if (publicUrl.value().startsWith("http://localhost")) {
            LOG.warnf("AGUAVOZ_PUBLIC_URL is %s: Twilio cannot reach it, and webhook signatures will not match", publicUrl.value());
        }
    }
}
