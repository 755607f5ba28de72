-- Live updates of the dashboard (issue 6): every change of a ticket is announced on the channel ticket_changed
-- when its transaction commits. Each instance LISTENs and pushes it to the browsers it serves (server-sent
-- events), so a change made through any instance reaches every open dashboard.
create function notify_ticket_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('ticket_changed', new.reference);
    return null;
end;
$$;

create trigger ticket_changed after insert or update on ticket
    for each row execute function notify_ticket_changed();
