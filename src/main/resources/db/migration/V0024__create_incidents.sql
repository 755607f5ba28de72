-- Incidents (issue 16): reports of one community and category that come close together are one problem, told to
-- the committee once. Each report keeps its own reference, reporter and timeline; the incident ties them together.

-- How close reports must come to join the same incident; null: every report stands alone. Integrity complaints
-- never group: each names people, and each complainant is protected on their own.
alter table category
    add column group_within interval check (group_within is null or group_within > interval '0'),
    add constraint category_integrity_never_groups check (code <> 'INTEGRITY' or group_within is null);

update category set group_within = interval '12 hours' where code in ('OUTAGE', 'QUALITY');
update category set group_within = interval '6 hours' where code = 'LEAK';

create table incident (
    id                     bigint generated always as identity primary key,
    -- The first report's reference: the one the committee is told and answers with.
    reference              text        not null unique,
    community_id           bigint      not null references community (id),
    category               text        not null references category (code) check (category <> 'INTEGRITY'),
    opened_at              timestamptz not null,
    -- When a report last joined: the window counts from here.
    last_joined_at         timestamptz not null,
    -- The last time the committee (or whoever the routing names) heard of this incident, and how many reports
    -- joined since: updates are at most one every two hours, and only when someone joined.
    told_at                timestamptz not null,
    joined_since_told      integer     not null default 0 check (joined_since_told >= 0),
    version                bigint      not null default 0
);

-- Finding the incident a new report joins: the latest of its community and category.
create index incident_by_community_category on incident (community_id, category, last_joined_at desc);
-- The update job's work: incidents with untold joins.
create index incident_untold on incident (told_at) where joined_since_told > 0;

alter table ticket add column incident_id bigint references incident (id);
create index ticket_by_incident on ticket (incident_id) where incident_id is not null;

-- A report joins an incident (when it arrives, by a staff merge, or when its reporter says NO to a reopened one),
-- or staff take it out again.
alter table ticket_event drop constraint ticket_event_type_check;
alter table ticket_event add constraint ticket_event_type_check
    check (type in ('OPENED', 'ACKNOWLEDGED', 'NOTE', 'RESOLVED', 'REOPENED', 'CLOSED', 'REASSIGNED', 'MERGED',
                    'REMINDED', 'ESCALATED', 'MESSAGE_IN', 'MESSAGE_OUT', 'JOINED', 'SPLIT'));
