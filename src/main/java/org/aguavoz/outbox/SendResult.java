package org.aguavoz.outbox;

/** What became of one attempt to hand an SMS to Twilio. */
sealed interface SendResult {

    /** Twilio took it: from now on its status callbacks tell the rest. */
    record Accepted(String sid, OutboundMessage.Status status) implements SendResult {
    }

    /** Not taken, and trying again may work (429, 5xx, no connection). */
    record Temporary(String reason, Integer errorCode) implements SendResult {
    }

    /** Not taken, and never will be (invalid number, 21610 opted out, bad credentials). */
    record Permanent(String reason, Integer errorCode) implements SendResult {
    }

    /** The request went out but no answer came back: Twilio may have sent it. Its REST send is not idempotent. */
    record Unknown(String reason) implements SendResult {
    }
}
