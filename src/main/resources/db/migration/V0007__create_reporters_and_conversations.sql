-- What AguaVoz remembers about a phone that reported: its community (so the next report needs no code), the
-- language of its replies, and whether it opted out of messages (BAJA/STOP).
create table reporter (
    phone          text        primary key check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    community_id   bigint      references community (id),
    language       text        not null default 'es' check (language ~ '^[a-z]{2,3}$'),
    opted_out      boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

-- A report waiting for one answer (which community, which category). One per phone; it expires, so a
-- "101" sent days later is not glued to an old half-filed report.
create table conversation (
    phone                text        primary key references reporter (phone),
    awaiting             text        not null check (awaiting in ('COMMUNITY', 'CATEGORY')),
    report_text          text        not null check (length(report_text) <= 4000),
    category             text        references category (code),
    community_id         bigint      references community (id),
    anonymous            boolean     not null default false,
    language             text        not null default 'es',
    inbound_message_id   bigint      not null references inbound_message (id),
    started_at           timestamptz not null,
    expires_at           timestamptz not null
);

-- The answer given to a webhook is stored with the message, so a repeated delivery gets the same answer.
alter table inbound_message
    add column reply_body text check (length(reply_body) <= 1600),
    add column attempts   integer not null default 0 check (attempts >= 0);

-- Flood control counts a sender's messages of the last hour.
create index inbound_message_by_sender on inbound_message (from_phone, received_at);
