-- Every SMS that reached us. Twilio may deliver the same webhook twice; the unique MessageSid makes the
-- second delivery a no-op, whatever instance receives it.
create table inbound_message (
    id              bigint generated always as identity primary key,
    message_sid     text        not null check (message_sid ~ '^(SM|MM)[0-9a-fA-F]{32}$'),
    account_sid     text        not null check (account_sid ~ '^AC[0-9a-fA-F]{32}$'),
    from_phone      text        not null check (length(from_phone) between 1 and 32),
    to_phone        text        not null check (length(to_phone) between 1 and 64),
    body            text        not null default '' check (length(body) <= 10000),
    num_media       integer     not null default 0 check (num_media >= 0),
    received_at     timestamptz not null default now(),
    ticket_id       bigint      references ticket (id),
    processed_at    timestamptz,
    processing_error text,
    constraint inbound_message_sid_unique unique (message_sid)
);
create index inbound_message_unprocessed on inbound_message (received_at) where processed_at is null;

-- The outbox: written in the transaction of the change that caused it, sent after commit.
create table outbound_message (
    id               bigint generated always as identity primary key,
    ticket_id        bigint      references ticket (id),
    to_phone         text        not null check (to_phone ~ '^\+[1-9][0-9]{6,14}$'),
    body             text        not null check (length(body) between 1 and 1600),
    status           text        not null default 'PENDING'
                     check (status in ('PENDING', 'QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'NOT_SENT')),
    twilio_sid       text        check (twilio_sid ~ '^(SM|MM)[0-9a-fA-F]{32}$'),
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint outbound_message_sid_unique unique (twilio_sid)
);
create index outbound_message_due on outbound_message (next_attempt_at) where status = 'PENDING';
create index outbound_message_by_ticket on outbound_message (ticket_id);
