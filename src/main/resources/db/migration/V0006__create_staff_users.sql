create table staff_user (
    id             bigint generated always as identity primary key,
    username       text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    display_name   text        not null check (length(btrim(display_name)) between 1 and 120),
    password_hash  text        not null check (password_hash ~ '^\$2[aby]\$'),
    role           text        not null check (role in ('ADMIN', 'STAFF', 'VIEWER')),
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    constraint staff_user_username_unique unique (username)
);

-- Which one-off start-up tasks (such as loading the demo data) have run. The primary key lets exactly one
-- of several starting instances claim a task.
create table startup_task (
    name        text        primary key,
    done_at     timestamptz not null default now()
);
