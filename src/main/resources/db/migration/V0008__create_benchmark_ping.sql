-- Written only by POST /benchmark/baseline (off unless AGUAVOZ_BENCHMARK_BASELINE=true): the least a webhook can
-- do, one committed insert, measured in the same run as the SMS webhook so the two can be compared.
create table benchmark_ping (
    id           bigint generated always as identity primary key,
    message_sid  text        not null check (length(message_sid) <= 64),
    from_phone   text        not null check (length(from_phone) <= 32),
    received_at  timestamptz not null default now()
);
