-- The dashboard's login (issue 6): after repeated wrong passwords an account is locked for a while, in the
-- database, so the lock holds on every instance and for the API's Basic authentication too.
alter table staff_user
    add column failed_logins integer not null default 0 check (failed_logins >= 0),
    add column locked_until  timestamptz;
