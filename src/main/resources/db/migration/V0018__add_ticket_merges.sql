-- Duplicates of one outage are merged (issue 6): the duplicate is closed and points at the ticket that goes on.
alter table ticket
    add column merged_into_id bigint references ticket (id),
    add constraint ticket_not_merged_into_itself check (merged_into_id <> id);
