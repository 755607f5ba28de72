-- Issue 13: the phone simulator is a channel of its own (whatever staff type there is recorded as simulated, with
-- the staff user as the actor); timeline sentences written by AguaVoz are stored as a key and shown in the
-- reader's language; outbound SMS say why they were refused and what they are for (a caller gets one
-- "report by text" SMS a day).
alter table ticket drop constraint ticket_channel_check;
alter table ticket add constraint ticket_channel_check
    check (channel in ('SMS', 'VOICE', 'DASHBOARD', 'API', 'SIMULATOR'));
alter table ticket_event drop constraint ticket_event_channel_check;
alter table ticket_event add constraint ticket_event_channel_check
    check (channel in ('SMS', 'VOICE', 'DASHBOARD', 'API', 'SYSTEM', 'SIMULATOR'));
alter table ticket_event add column system_note text
    check (system_note in ('REPORTER_CONFIRMED', 'REPORTER_REFUSED', 'ESCALATED_BY_REPORTER', 'CLOSED_UNCONFIRMED',
                           'REMINDED_ACKNOWLEDGE', 'REMINDED_RESOLVE_HALFWAY', 'REMINDED_RESOLVE',
                           'ESCALATED_ACKNOWLEDGE', 'ESCALATED_RESOLVE'));

-- The staff user who typed this message in the simulator; null for messages that came through Twilio.
alter table inbound_message add column simulated_by text check (length(simulated_by) <= 120);

-- HOW_TO_TEXT: the SMS a caller gets when a call could not take their report (at most one a day per phone).
alter table outbound_message add column purpose text check (purpose in ('HOW_TO_TEXT'));
create index outbound_message_by_phone on outbound_message (to_phone, created_at);
