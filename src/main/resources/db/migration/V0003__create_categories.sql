-- Categories are fixed by the domain; their deadlines are the agency's to edit. Enum-like columns hold the
-- Java enum names (upper case); the API speaks lower case. Intervals are stored as
-- seconds-precise PostgreSQL intervals so a due time is one addition in SQL.
create table category (
    code                 text     primary key check (code in ('OUTAGE', 'QUALITY', 'LEAK', 'BILLING', 'INTEGRITY', 'OTHER')),
    display_order        smallint not null unique,
    acknowledge_within   interval not null check (acknowledge_within > interval '0'),
    resolve_within       interval not null check (resolve_within > interval '0'),
    constraint category_resolve_after_acknowledge check (resolve_within >= acknowledge_within)
);

-- Defaults: water quality is a health matter (hours); integrity complaints need an investigation (weeks).
insert into category (code, display_order, acknowledge_within, resolve_within) values
    ('OUTAGE',    1, interval '12 hours', interval '72 hours'),
    ('QUALITY',   2, interval '4 hours',  interval '24 hours'),
    ('LEAK',      3, interval '24 hours', interval '7 days'),
    ('BILLING',   4, interval '72 hours', interval '14 days'),
    ('INTEGRITY', 5, interval '72 hours', interval '30 days'),
    ('OTHER',     6, interval '72 hours', interval '14 days');
