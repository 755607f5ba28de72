package org.aguavoz.outbox;

import java.util.List;
import java.util.Optional;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends the outbox after commit: claims due rows, calls Twilio outside any transaction, records each result.
 * Every row ends queued/sent/delivered (Twilio has it), failed (with the reason) or not_sent (with the reason).
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final OutboxClaims claims;
    private final SendResults results;
    private final TwilioSmsGateway gateway;

    OutboxDispatcher(OutboxClaims claims, SendResults results, TwilioSmsGateway gateway) {
        this.claims = claims;
        this.results = results;
        this.gateway = gateway;
    }

    // Every scheduled job skips once the app is stopping: a tick that fires after Hibernate has closed fails, and
    // Quarkus logs that as an ERROR with a stack trace on an ordinary stop. What it would do waits for the next start.
    @Scheduled(every = "${aguavoz.outbox.poll-every:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        drain();
    }

    /** Sends until nothing is due (or the rate limit says wait); returns how many sends were tried. */
    public int drain() {
        Optional<String> sender = gateway.sender();
        if (sender.isEmpty()) {
            int kept = claims.markUnsendable("no Twilio credentials (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, AGUAVOZ_SMS_FROM)");
            if (kept > 0) {
                LOG.infof("Kept %d SMS as not sent: no Twilio credentials", kept);
            }
            return 0;
        }
        int tried = 0;
        List<OutboxClaims.Claim> batch;
        while (!(batch = claims.claim(sender.get())).isEmpty()) {
            for (OutboxClaims.Claim claim : batch) {
                SendResult result;
                try {
                    result = gateway.send(claim.to(), claim.body());
                } catch (RuntimeException e) {
                    result = new SendResult.Temporary(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                }
                try {
                    results.record(claim, result);
                } catch (RuntimeException e) {
                    // The row keeps its lease; when it runs out the send counts as unknown, never silently lost.
                    LOG.errorf(e, "Could not record the result of outbound message %d: %s", claim.id(), result);
                }
                tried++;
            }
        }
        return tried;
    }
}
