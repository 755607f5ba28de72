-- Every reference ever handed out. A reference is claimed with INSERT … ON CONFLICT DO NOTHING, so two
-- instances opening tickets at the same moment can never get the same one, and no reference is reused.
create table ticket_reference (
    reference    text        primary key check (reference ~ '^[1-9][0-9]{3,5}$'),
    claimed_at   timestamptz not null default now()
);

create table ticket (
    id                   bigint generated always as identity primary key,
    -- Short, typed on a keypad, never reused: tickets are never deleted (see the trigger below).
    reference            text        not null check (reference ~ '^[1-9][0-9]{3,5}$'),
    community_id         bigint      not null references community (id),
    category             text        not null references category (code),
    status               text        not null default 'OPEN'
                         check (status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
    channel              text        not null check (channel in ('SMS', 'VOICE', 'DASHBOARD', 'API')),
    reporter_phone       text        check (reporter_phone ~ '^\+[1-9][0-9]{6,14}$'),
    anonymous            boolean     not null default false,
    language             text        not null default 'es' check (language ~ '^[a-z]{2,3}$'),
    description          text        check (length(description) <= 4000),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    acknowledge_due_at   timestamptz not null,
    resolve_due_at       timestamptz not null,
    acknowledged_at      timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    version              bigint      not null default 0,
    constraint ticket_reference_unique unique (reference),
    constraint ticket_reference_claimed foreign key (reference) references ticket_reference (reference),
    constraint ticket_due_order check (resolve_due_at >= acknowledge_due_at),
    -- Anonymity only makes sense for integrity complaints, the ones that may accuse the committee.
    constraint ticket_anonymous_only_integrity check (not anonymous or category = 'INTEGRITY')
);
create index ticket_open_by_due on ticket (acknowledge_due_at, resolve_due_at) where status not in ('RESOLVED', 'CLOSED');
create index ticket_by_community_status on ticket (community_id, status);
create index ticket_by_reporter on ticket (reporter_phone, created_at desc);

-- The timeline is append-only: who did what, when, through which channel.
create table ticket_event (
    id            bigint generated always as identity primary key,
    ticket_id     bigint      not null references ticket (id),
    occurred_at   timestamptz not null default now(),
    type          text        not null check (type in ('OPENED', 'ACKNOWLEDGED', 'NOTE', 'RESOLVED', 'REOPENED',
                                                        'CLOSED', 'REASSIGNED', 'MERGED', 'REMINDED', 'ESCALATED',
                                                        'MESSAGE_IN', 'MESSAGE_OUT')),
    actor_type    text        not null check (actor_type in ('REPORTER', 'COMMITTEE_MEMBER', 'STAFF', 'SYSTEM')),
    actor_name    text        check (length(actor_name) <= 120),
    channel       text        not null check (channel in ('SMS', 'VOICE', 'DASHBOARD', 'API', 'SYSTEM')),
    from_status   text,
    to_status     text,
    note          text        check (length(note) <= 4000)
);
create index ticket_event_by_ticket on ticket_event (ticket_id, occurred_at, id);

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end;
$$;

create trigger ticket_event_append_only before update or delete on ticket_event
    for each row execute function refuse_change();
create trigger ticket_never_deleted before delete on ticket
    for each row execute function refuse_change();
