-- Committees are elected every year: a membership is never deleted, it ends. The committee of a
-- community is the set of its current memberships.
create table committee_membership (
    id             bigint generated always as identity primary key,
    community_id   bigint      not null references community (id),
    name           text        not null check (length(btrim(name)) between 1 and 120),
    phone          text        not null check (phone ~ '^\+[1-9][0-9]{6,14}$'),
    role           text        not null check (role in ('PRESIDENT', 'SECRETARY', 'TREASURER', 'OPERATOR', 'MEMBER')),
    started_at     timestamptz not null default now(),
    ended_at       timestamptz,
    constraint committee_membership_period check (ended_at is null or ended_at >= started_at)
);

-- A phone belongs to at most one current member of a committee (members share phones in a household,
-- but one committee must know who answered).
create unique index committee_membership_current_phone
    on committee_membership (community_id, phone) where ended_at is null;
create index committee_membership_by_phone on committee_membership (phone) where ended_at is null;
