-- Newest-first lists (the API, Open311's public date window) read tickets by creation time.
create index ticket_by_created on ticket (created_at desc, id desc);
