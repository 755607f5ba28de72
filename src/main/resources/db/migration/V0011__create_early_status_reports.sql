-- Twilio can report on a message before the sender has stored its SID (the REST answer and the callback race).
-- Such a report waits here and is applied when the SID is stored, so no delivery report is lost.
create table early_status_report (
    twilio_sid    text        not null check (twilio_sid ~ '^(SM|MM)[0-9a-fA-F]{32}$'),
    status        text        not null,
    error_code    integer,
    received_at   timestamptz not null default now(),
    primary key (twilio_sid, status)
);
