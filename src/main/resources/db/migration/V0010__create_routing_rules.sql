-- Who is told of a new ticket, per category: the community's committee, the agency's on-duty staff, or both.
-- The agency edits these rows. An integrity complaint may accuse the committee, so the database refuses any
-- rule that would send one to it.
create table routing_rule (
    category   text primary key references category (code),
    route      text not null check (route in ('COMMITTEE', 'AGENCY', 'BOTH')),
    constraint routing_rule_integrity_to_agency_only check (category <> 'INTEGRITY' or route = 'AGENCY')
);

insert into routing_rule (category, route) values
    ('OUTAGE',    'COMMITTEE'),
    ('QUALITY',   'BOTH'),
    ('LEAK',      'COMMITTEE'),
    ('BILLING',   'COMMITTEE'),
    ('INTEGRITY', 'AGENCY'),
    ('OTHER',     'COMMITTEE');
