-- Milestones: each threshold fires exactly once, ever. The unique key is the guarantee; subject is
-- '' for the fleet and the vehicle's VIN for a vehicle's own milestones.
create table milestones (
    id                bigserial    primary key,
    scope             varchar(7)   not null check (scope in ('FLEET', 'VEHICLE')),
    subject           varchar(17)  not null,
    threshold_km      bigint       not null check (threshold_km > 0),
    vin               varchar(17)  not null,   -- the vehicle whose report crossed it
    reached_at        timestamptz  not null,   -- the crediting transaction's clock, under the milestone lock
    fleet_distance_m  bigint       not null,   -- the fleet total right after that transaction
    unique (scope, subject, threshold_km),
    check ((scope = 'FLEET') = (subject = ''))
);

create table webhooks (
    id          uuid         primary key,
    url         varchar(2048) not null,
    secret      varchar(64)  not null,          -- whsec_<base64>: needed in clear to sign deliveries
    created_at  timestamptz  not null
);

-- The transactional outbox: an event and one delivery per endpoint are written in the transaction that
-- fired the milestone, and sent after commit by the dispatcher.
create table webhook_events (
    id          varchar(40)  primary key,       -- the webhook-id, the same on every attempt
    type        varchar(40)  not null,
    payload     text         not null,          -- the exact body sent, so every attempt signs the same bytes
    created_at  timestamptz  not null
);

create table webhook_deliveries (
    webhook_id       uuid         not null references webhooks (id) on delete cascade,
    event_id         varchar(40)  not null references webhook_events (id),
    status           varchar(9)   not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,
    last_attempt_at  timestamptz,
    last_status      int,                         -- the HTTP status of the last answer, null without one
    last_error       varchar(500),
    primary key (webhook_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
