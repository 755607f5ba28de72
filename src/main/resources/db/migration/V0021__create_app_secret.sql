-- Secrets the application makes for itself and every instance must share, such as the key that encrypts the
-- dashboard's session cookies when QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set. The key is read here before
-- Flyway runs on later starts (the HTTP layer needs it first; see org.aguavoz.staff.SessionKeySource).
create table app_secret (
    name       text primary key,
    value      text not null check (length(value) >= 32),
    created_at timestamptz not null default now()
);
