package org.aguavoz.intake.sms;

import java.time.Instant;

/** A message kept in the spool, with the moment it reached us (its received_at once in the database). */
record SpooledSms(InboundSms sms, Instant receivedAt) {
}
