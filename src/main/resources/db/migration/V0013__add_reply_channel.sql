-- How the answer to a message went out: in the webhook's TwiML, or through the outbox (answered later by the
-- retry job). A repeated delivery repeats a TwiML answer, but must not send an outbox answer a second time.
alter table inbound_message
    add column reply_channel text check (reply_channel in ('TWIML', 'OUTBOX'));
