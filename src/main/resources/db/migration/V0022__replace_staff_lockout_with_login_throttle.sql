-- Locked doors: wrong passwords no longer lock an account (five of them, from anywhere, locked out the admin).
-- They slow down the client that sends them: one counter per client address (username '') and one per account
-- at that address. Counted with one upsert per counter, so concurrent failures on several instances all count.
create table login_throttle (
    client_address   text        not null check (length(client_address) between 1 and 64),
    -- The name as typed (at most 64 characters), also for accounts that do not exist; '' for the address's own
    -- counter across all accounts.
    username         text        not null check (length(username) <= 64),
    failures         integer     not null check (failures > 0),
    last_failure_at  timestamptz not null,
    -- Until then every login from this client (for this account, or for any account) is refused unchecked.
    blocked_until    timestamptz not null,
    primary key (client_address, username)
);

create index login_throttle_by_last_failure on login_throttle (last_failure_at);

alter table staff_user
    drop column failed_logins,
    drop column locked_until;
