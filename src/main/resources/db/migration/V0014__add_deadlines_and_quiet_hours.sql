-- Deadlines and escalation (issue 8).

-- Quiet hours, in the agency's time zone: SMS that are not a reply wait in the outbox until they end. Both null
-- means none. Agencies that existed before this migration get the default, 21:00-07:00.
alter table agency
    add column quiet_hours_start time default '21:00',
    add column quiet_hours_end   time default '07:00',
    add column quality_escalations_ignore_quiet_hours boolean not null default true,
    add constraint agency_quiet_hours_complete check ((quiet_hours_start is null) = (quiet_hours_end is null)),
    add constraint agency_quiet_hours_not_empty check (quiet_hours_start <> quiet_hours_end);
alter table agency alter column quiet_hours_start drop default, alter column quiet_hours_end drop default;

-- Each deadline step of a ticket (acknowledge, half the resolve time, resolve) has its moment stored, so the job
-- finds what is due with one indexed query: deadline_check_at is the next moment something may have to happen,
-- null once nothing will (resolved, closed, or every step done).
alter table ticket
    add column resolve_reminder_at timestamptz,
    add column deadline_check_at   timestamptz,
    add column late_since          timestamptz;
update ticket set resolve_reminder_at = created_at + (resolve_due_at - created_at) / 2;
update ticket set deadline_check_at = least(acknowledge_due_at, resolve_reminder_at)
    where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS');
alter table ticket alter column resolve_reminder_at set not null,
    add constraint ticket_reminder_within_deadline check (resolve_reminder_at <= resolve_due_at);
create index ticket_deadline_check on ticket (deadline_check_at) where deadline_check_at is not null;

-- One row per ticket, step and deadline: the primary key is what makes a reminder or an escalation happen once,
-- however many instances run the job and however often it fires. A reopened ticket has new deadlines, so its
-- steps can happen again.
create table deadline_notice (
    ticket_id    bigint      not null references ticket (id),
    step         text        not null check (step in ('ACKNOWLEDGE', 'RESOLVE_HALFWAY', 'RESOLVE')),
    due_at       timestamptz not null,
    notified_at  timestamptz not null,
    -- Which instance did it (pid@host): for operators reading logs, and for the test with two instances.
    instance     text        not null check (length(instance) between 1 and 200),
    primary key (ticket_id, step, due_at)
);

-- When an SMS may go out: REPLY answers a message the person just sent (never held), NOTICE waits for the end of
-- quiet hours, URGENT goes out at any hour (water-quality escalations to agency staff, if the agency wants).
alter table outbound_message
    add column timing text not null default 'NOTICE' check (timing in ('REPLY', 'NOTICE', 'URGENT'));
