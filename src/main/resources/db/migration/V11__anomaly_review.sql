-- Quarantine review: an anomaly is OPEN until an operator releases it (its report is then credited by
-- the ledger, in the transaction that changes this row) or discards it. The row is the audit trail:
-- who (the credential's name), when, why, and what the release credited.
alter table anomalies
    add column status       varchar(9)    not null default 'OPEN'
        check (status in ('OPEN', 'RELEASED', 'DISCARDED')),
    add column resolved_at  timestamptz,
    add column reason       varchar(500),
    add column resolved_by  varchar(100),
    add column credited_m   bigint,
    add check ((status = 'OPEN') = (resolved_at is null)),
    add check ((status = 'OPEN') = (reason is null)),
    add check ((status = 'RELEASED') = (credited_m is not null));

-- The review list is a keyset page, newest (highest id) first, with the filters vin, code and status.
-- Each of these serves its combination as one index range in id order, so any page costs what the
-- first costs: no filter (the primary key), vin (anomalies_by_vin, V1), status, code, status and code,
-- vin and status. The two others are read on the VIN's index and filtered by code as they go: vin and
-- code (on anomalies_by_vin), vin, code and status (on anomalies_by_vin_status); a vehicle's anomalies
-- mostly share one cause, so few rows are skipped, and three more indexes on every quarantined report
-- would cost more than they save. The status changes only once per anomaly, so its index entries are
-- written at most twice.
create index anomalies_by_status on anomalies (status, id);
create index anomalies_by_code on anomalies (code, id);
create index anomalies_by_status_code on anomalies (status, code, id);
create index anomalies_by_vin_status on anomalies (vin, status, id);

-- The count of OPEN anomalies for the fleet_anomalies_open gauge, kept by the database whoever writes,
-- so that reading it sums 16 rows however large the quarantine grows (counting the OPEN rows of a
-- quarantine of millions on every refresh would scan millions of index entries). Striped as the fleet
-- aggregates: a stripe may go below 0, the sum not. A transaction adds to the stripe of its connection
-- (pg_backend_pid() % 16), so it holds at most one stripe's lock, and takes it where it writes the
-- anomalies: after its vehicles' locks and before the fleet's, as crediting does.
create table anomalies_open (
    stripe     smallint  primary key,
    anomalies  bigint    not null default 0
);

-- every existing anomaly is OPEN (the column's default); no anomaly may be written until the count
-- and its triggers are in place
lock table anomalies in share row exclusive mode;
insert into anomalies_open (stripe, anomalies) select s, 0 from generate_series(0, 15) s;
update anomalies_open set anomalies = (select count(*) from anomalies) where stripe = 0;

create function count_open_anomalies() returns trigger
language plpgsql as $$
declare
    delta bigint;
begin
    if tg_op = 'INSERT' then
        select count(*) into delta from new_anomalies where status = 'OPEN';
    elsif tg_op = 'DELETE' then
        select -count(*) into delta from old_anomalies where status = 'OPEN';
    else
        select (select count(*) from new_anomalies where status = 'OPEN')
             - (select count(*) from old_anomalies where status = 'OPEN') into delta;
    end if;
    if delta <> 0 then
        update anomalies_open set anomalies = anomalies + delta where stripe = pg_backend_pid() % 16;
    end if;
    return null;
end
$$;

create function forget_open_anomalies() returns trigger
language plpgsql as $$
begin
    update anomalies_open set anomalies = 0;
    return null;
end
$$;

create trigger anomalies_opened after insert on anomalies
referencing new table as new_anomalies
for each statement execute function count_open_anomalies();

create trigger anomalies_resolved after update on anomalies
referencing old table as old_anomalies new table as new_anomalies
for each statement execute function count_open_anomalies();

create trigger anomalies_deleted after delete on anomalies
referencing old table as old_anomalies
for each statement execute function count_open_anomalies();

create trigger anomalies_truncated after truncate on anomalies
for each statement execute function forget_open_anomalies();
