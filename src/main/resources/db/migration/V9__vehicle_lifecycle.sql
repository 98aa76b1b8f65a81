-- A vehicle's lifecycle: ACTIVE from registration, RETIRED when written off (its figures stay).
-- These columns are the administrative side's (JPA); crediting never writes them.
alter table vehicles
    add column status         varchar(8)    not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    add column retired_at     timestamptz,
    add column retire_reason  varchar(500),
    add check ((status = 'RETIRED') = (retired_at is not null));

-- Keyset pages in registration order; registered_at never changes, so crediting's heap-only
-- updates of the row stay heap-only (an index on a column crediting writes would end them).
create index vehicles_by_registration on vehicles (registered_at, vin);

-- Retired vehicles, counted apart from the active ones in the same stripes.
alter table fleet_totals add column retired_vehicles bigint not null default 0;
