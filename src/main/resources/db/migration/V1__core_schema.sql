-- Distances are whole metres (bigint), energies whole watt-hours: sums stay exact.

create table vehicles (
    id                     bigserial    primary key,
    vin                    varchar(17)  not null unique,
    model                  varchar(64)  not null,
    country                char(2)      not null,
    token_hash             char(64)     not null unique,
    registered_at          timestamptz  not null,
    -- running figures, kept by ingestion under this row's lock
    distance_m             bigint       not null default 0,
    reports                bigint       not null default 0,
    trips                  bigint       not null default 0,
    trip_distance_m        bigint       not null default 0,
    energy_consumed_wh     bigint       not null default 0,
    energy_regenerated_wh  bigint       not null default 0,
    last_report_at         timestamptz
);
create index vehicles_last_report_at on vehicles (last_report_at);

-- One row per physical odometer: seq 0 from enrolment, one more per odometer reset.
create table odometers (
    vehicle_id    bigint       not null references vehicles (id),
    seq           int          not null,
    effective_at  timestamptz,             -- null for the odometer fitted at enrolment
    baseline_m    bigint,                  -- null until the first accepted reading when not given
    baseline_read boolean      not null default false,  -- the baseline is that first reading (dated)
    high_m        bigint,                  -- highest accepted reading
    high_at       timestamptz,             -- latest recordedAt among accepted readings
    reason        varchar(200),
    created_at    timestamptz  not null,
    primary key (vehicle_id, seq),
    check (seq = 0 or effective_at is not null)
);

create table reports (
    vehicle_id             bigint       not null references vehicles (id),
    report_id              varchar(64)  not null,
    type                   varchar(16)  not null,
    odometer_seq           int          not null,
    started_at             timestamptz,
    recorded_at            timestamptz  not null,
    odometer_m             bigint       not null,
    distance_m             bigint,
    energy_consumed_wh     bigint,
    energy_regenerated_wh  bigint,
    credited_m             bigint       not null,
    received_at            timestamptz  not null,
    primary key (vehicle_id, report_id)
);
-- the neighbours of an out-of-order reading
create index reports_by_reading_time on reports (vehicle_id, odometer_seq, recorded_at, odometer_m);

-- Reports that could not be credited: kept with their reason, never credited.
create table anomalies (
    id           bigserial    primary key,
    vin          varchar(17)  not null,
    report_id    varchar(64)  not null,
    code         varchar(40)  not null,
    detail       text         not null,
    report       jsonb        not null,
    received_at  timestamptz  not null
);
create index anomalies_by_vin on anomalies (vin, id);

-- Which vehicles reported on which day (UTC), to count reporting vehicles per day exactly.
create table vehicle_days (
    vehicle_id  bigint  not null,
    day         date    not null,
    primary key (vehicle_id, day)
);

-- Fleet aggregates are spread over a few stripes so that no single row is hot on the write path;
-- reads sum the stripes.
create table fleet_totals (
    stripe      smallint  primary key,
    distance_m  bigint    not null default 0,
    reports     bigint    not null default 0,
    vehicles    bigint    not null default 0
);
insert into fleet_totals (stripe) select generate_series(0, 15);

create table fleet_daily (
    day                 date      not null,
    stripe              smallint  not null,
    distance_m          bigint    not null default 0,
    reports             bigint    not null default 0,
    reporting_vehicles  bigint    not null default 0,
    primary key (day, stripe)
);

create table fleet_countries (
    country     char(2)   not null,
    stripe      smallint  not null,
    distance_m  bigint    not null default 0,
    vehicles    bigint    not null default 0,
    primary key (country, stripe)
);
