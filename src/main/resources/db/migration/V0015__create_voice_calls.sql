-- Voice menus (issue 7). A call's state lives here, keyed by Twilio's CallSid, so any instance can answer any
-- step of any call, and a repeated webhook (same turn) gets the TwiML it got the first time.
create table voice_call (
    call_sid           text        primary key check (call_sid ~ '^CA[0-9a-fA-F]{32}$'),
    from_phone         text        not null check (length(from_phone) between 1 and 32),
    flow               text        not null check (length(flow) between 1 and 100),
    step               text        not null check (length(step) between 1 and 100),
    -- Inside a community step: confirming the remembered community, keying in a code, or confirming it.
    substep            text        check (substep in ('CONFIRM', 'ENTER', 'READ_BACK')),
    language           text        check (language ~ '^[a-z]{2,3}$'),
    community_id       bigint      references community (id),
    pending_code       text        check (pending_code ~ '^[0-9]{1,6}$'),
    category           text        references category (code),
    anonymous          boolean     not null default false,
    -- Wrong or missing keys at the current step: the prompt is repeated twice, then the call ends politely.
    misses             integer     not null default 0 check (misses between 0 and 3),
    recording_sid      text        check (recording_sid ~ '^RE[0-9a-fA-F]{32}$'),
    recording_url      text        check (length(recording_url) <= 500),
    recording_seconds  integer     check (recording_seconds >= 0),
    ticket_id          bigint      references ticket (id),
    -- Each webhook of the call carries the turn it answers; a turn already answered gets last_twiml again.
    turn               integer     not null default 0 check (turn >= 0),
    last_twiml         text        not null default '',
    status             text        not null default 'IN_PROGRESS'
                       check (status in ('IN_PROGRESS', 'REPORTED', 'ENDED', 'ABANDONED')),
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    ended_at           timestamptz,
    constraint voice_call_one_ticket unique (ticket_id)
);
create index voice_call_by_phone on voice_call (from_phone, started_at desc);

-- A report by phone keeps the caller's recording: Twilio holds the audio behind the account's credentials;
-- AguaVoz stores where it is and fetches it for staff.
alter table ticket
    add column recording_sid     text check (recording_sid ~ '^RE[0-9a-fA-F]{32}$'),
    add column recording_url     text check (length(recording_url) <= 500),
    add column recording_seconds integer check (recording_seconds >= 0);
