package org.aguavoz.conversation;

import java.time.Instant;

/**
 * A stored SMS to answer, as the conversation needs it (the Twilio edge stores it first, then hands it here).
 *
 * @param id          the stored message's id: the per-phone limit counts messages up to this one
 * @param simulatedBy the staff user who typed it in the phone simulator; null when it came through Twilio
 */
public record IncomingSms(long id, String from, String body, Instant receivedAt, String simulatedBy) {
}
