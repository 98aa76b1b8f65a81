-- Anomalies in monthly slices of when they were received, as reports are by when they were recorded
-- (V15; docs/architecture.md, "Reports over years"): fleet.reports.retention drops both.
-- The table of today becomes anomalies_older as it is. Its indexes are attached to the new table's,
-- but for the primary key, which must hold the slicing column: (id, received_at) is built on it once. The counting triggers (V11) move to the new table: a statement
-- fires the statement triggers of the table it names, and a table with triggers that read
-- transition tables cannot be a slice.

drop trigger anomalies_opened on anomalies;
drop trigger anomalies_resolved on anomalies;
drop trigger anomalies_deleted on anomalies;
drop trigger anomalies_truncated on anomalies;
alter table anomalies rename to anomalies_older;
-- its key becomes the new table's (id, received_at), built on it when it is attached
alter table anomalies_older drop constraint anomalies_pkey;
alter index anomalies_by_vin rename to anomalies_older_by_vin;
alter index anomalies_by_status rename to anomalies_older_by_status;
alter index anomalies_by_code rename to anomalies_older_by_code;
alter index anomalies_by_status_code rename to anomalies_older_by_status_code;
alter index anomalies_by_vin_status rename to anomalies_older_by_vin_status;

create table anomalies (like anomalies_older including defaults including constraints)
    partition by range (received_at);
-- the ids go on from the same sequence, which must outlive the slice it was made for
alter sequence anomalies_id_seq owned by anomalies.id;
alter table anomalies add primary key (id, received_at);
create index anomalies_by_vin on anomalies (vin, id);
create index anomalies_by_status on anomalies (status, id);
create index anomalies_by_code on anomalies (code, id);
create index anomalies_by_status_code on anomalies (status, code, id);
create index anomalies_by_vin_status on anomalies (vin, status, id);

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

-- A slice dropped takes its OPEN anomalies out of the count (dropping fires no trigger). It runs
-- under the table's exclusive lock, so no review changes them meanwhile.
create or replace function before_detaching(parent text, slice text) returns void
language plpgsql as $$
declare
    open_in_slice bigint;
begin
    if parent = 'anomalies' then
        execute format('select count(*) from %I where status = ''OPEN''', slice) into open_in_slice;
        update anomalies_open set anomalies = anomalies - open_in_slice where stripe = 0;
    end if;
end $$;

select slice_table_of_today('anomalies', 'received_at');
