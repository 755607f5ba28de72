-- SettleSilentDeliveries looks hourly for SMS that never got a final delivery report.
create index outbound_message_unsettled on outbound_message (sent_at)
    where final_at is null and status in ('QUEUED', 'SENT');
