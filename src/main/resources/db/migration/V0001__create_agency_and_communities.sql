-- One AguaVoz installation serves one municipal agency; the table exists so that the agency's own
-- settings (name, time zone, later quiet hours) live in the database and can be edited there.
create table agency (
    id          bigint primary key,
    name        text        not null check (length(btrim(name)) between 1 and 200),
    time_zone   text        not null check (length(time_zone) between 1 and 64),
    created_at  timestamptz not null default now()
);

-- A community (localidad) with its own water system. The numeric code is what is printed on posters and
-- murals, so villagers can type it on a keypad.
create table community (
    id          bigint generated always as identity primary key,
    agency_id   bigint      not null references agency (id),
    code        text        not null check (code ~ '^[0-9]{1,6}$'),
    name        text        not null check (length(btrim(name)) between 1 and 120),
    latitude    numeric(9, 6) check (latitude between -90 and 90),
    longitude   numeric(9, 6) check (longitude between -180 and 180),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint community_code_unique unique (agency_id, code),
    constraint community_location_complete check ((latitude is null) = (longitude is null))
);

-- Spelling variants people really type ("los angeles", "Los Anjeles"). The normalised form (lower case,
-- no accents, single spaces) is what intake matches against, so it is unique per agency: one variant
-- cannot point at two communities.
create table community_alias (
    id            bigint generated always as identity primary key,
    community_id  bigint not null references community (id) on delete cascade,
    agency_id     bigint not null references agency (id),
    alias         text   not null check (length(btrim(alias)) between 1 and 120),
    normalized    text   not null check (normalized ~ '^[a-z0-9]+( [a-z0-9]+)*$'),
    constraint community_alias_unique unique (agency_id, normalized)
);
create index community_alias_community on community_alias (community_id);
