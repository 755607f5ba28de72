-- Logging out ends a user's sessions on the server: a session cookie renewed at or before this moment is refused,
-- even though it still decrypts (the form login keeps no server-side session to delete).
alter table staff_user
    add column sessions_ended_at timestamptz;
