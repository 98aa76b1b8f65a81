-- The deliveries of an endpoint are read as keyset pages, the newest first: each delivery keeps when it
-- was queued, and an index gives an endpoint's deliveries in that order.
alter table webhook_deliveries add column created_at timestamptz;
update webhook_deliveries d set created_at = e.created_at from webhook_events e where e.id = d.event_id;
alter table webhook_deliveries alter column created_at set default now(), alter column created_at set not null;
create index webhook_deliveries_by_time on webhook_deliveries (webhook_id, created_at, event_id);
