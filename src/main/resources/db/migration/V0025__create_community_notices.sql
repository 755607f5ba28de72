-- Community notices (issue 16): staff, or a committee member by SMS (AVISO …), tell a whole community something
-- ("sin agua hasta el jueves, se cambia la bomba"): one SMS to every phone that reported there in the last 12
-- months, and to the committee. While a notice of a category is active, new reports of it join its incident and
-- are answered with the notice, without an SMS to the committee.
create table community_notice (
    id             bigint generated always as identity primary key,
    community_id   bigint      not null references community (id),
    -- Null: a notice about nothing in particular; it opens no incident and changes no report's path.
    category       text        references category (code) check (category <> 'INTEGRITY'),
    -- As typed; the SMS carries its GSM-7 spelling, which must fit one segment with the text around it.
    text           text        not null check (length(btrim(text)) between 1 and 1600),
    until          timestamptz not null,
    created_at     timestamptz not null,
    actor_type     text        not null check (actor_type in ('COMMITTEE_MEMBER', 'STAFF')),
    actor_name     text        check (length(actor_name) <= 120),
    channel        text        not null check (channel in ('SMS', 'DASHBOARD', 'API', 'SIMULATOR')),
    -- The incident its category's reports join; null until the first report (or when it has no category).
    incident_id    bigint      references incident (id),
    -- A committee's notice: the agency's local day it was sent on. At most one a day per committee (below).
    committee_day  date,
    constraint community_notice_ends_after_it_starts check (until > created_at),
    constraint community_notice_day_of_committee check ((committee_day is not null) = (actor_type = 'COMMITTEE_MEMBER')),
    constraint community_notice_incident_has_category check (incident_id is null or category is not null)
);

create unique index community_notice_one_a_day on community_notice (community_id, committee_day);
-- The question every new report asks: is a notice of this community and category active now?
create index community_notice_by_community on community_notice (community_id, category, until desc);

-- Each phone gets a notice once, whoever else it is (reporter twice over, committee member and reporter).
create table notice_recipient (
    notice_id            bigint not null references community_notice (id),
    phone                text   not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    -- The outbox row (sent, held back by the gate, delivered…): the notice's counts come from its status.
    outbound_message_id  bigint references outbound_message (id),
    primary key (notice_id, phone)
);

alter table outbound_message drop constraint outbound_message_purpose_check;
alter table outbound_message add constraint outbound_message_purpose_check
    check (purpose in ('HOW_TO_TEXT', 'COMMUNITY_NOTICE'));
