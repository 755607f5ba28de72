-- The outbox sender: rows are claimed (SENDING, with a lease) under FOR UPDATE SKIP LOCKED, sent after the
-- claiming transaction commits, and end in a final state. A lease that runs out means the sender died while
-- Twilio may or may not have accepted the message: that outcome is unknown, and is retried at most once.
alter table outbound_message drop constraint outbound_message_status_check;
alter table outbound_message add constraint outbound_message_status_check
    check (status in ('PENDING', 'SENDING', 'QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'NOT_SENT'));

alter table outbound_message
    add column sender           text,
    add column claimed_until    timestamptz,
    add column outcome_unknown  boolean     not null default false,
    add column error_code       integer,
    add column sent_at          timestamptz,
    add column final_at         timestamptz;

drop index outbound_message_due;
create index outbound_message_claimable on outbound_message (next_attempt_at) where status in ('PENDING', 'SENDING');

-- One row per sending number (or Messaging Service): when it may send next. Claims lock this row, so the rate
-- limit holds across every instance sharing the database.
create table sender_pace (
    sender        text        primary key,
    next_free_at  timestamptz not null
);
