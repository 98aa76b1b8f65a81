-- Reports in time slices (docs/architecture.md, "Reports over years"): one partition per calendar month
-- (UTC) of recorded_at, named reports_YYYY_MM, and below the oldest of them one partition for every
-- earlier time, reports_older, so that a report of any age has a slice. Retention drops whole slices,
-- never deletes rows; the service creates the months ahead of time (ensure_report_slices, run by every
-- instance on start and hourly) and drops those wholly older than fleet.reports.retention
-- (drop_report_slices). There is no default partition: it would have to be scanned whenever a month
-- is added, and the months are there before any report can need them (a report recorded more than
-- fleet.ingestion.future-tolerance ahead of the clock is an anomaly, not stored here).
--
-- A partitioned table cannot have a unique key without its partition column, so the primary key
-- (vehicle_id, report_id) is kept by each slice for its own reports; across slices the rule (one
-- report per id and vehicle) holds because crediting looks the ids up in every slice under the
-- vehicle's row lock (FOR UPDATE, ReportStore.LOAD) and inserts under that same lock: no two
-- transactions can judge reports of one vehicle at once, on any instance.
--
-- The table of today becomes reports_older as it is, without a copy: its rows stay, its keys and
-- index are attached, not rebuilt; attaching it reads it once to check its bound.

alter table reports rename to reports_older;
alter index reports_by_reading_time rename to reports_older_by_reading_time;

create table reports (like reports_older including defaults including constraints)
    partition by range (recorded_at);
alter table reports add foreign key (vehicle_id) references vehicles (id);
-- the neighbours of an out-of-order reading, and a vehicle's reports in time order
create index reports_by_reading_time on reports (vehicle_id, odometer_seq, recorded_at, odometer_m);

-- The slices present: the catch-all's bound is the lower bound of the oldest month.
create view report_slices as
select c.relname::text as name,
       to_date(substr(c.relname, 9), 'YYYY_MM')::timestamp at time zone 'UTC' as starts,
       (to_date(substr(c.relname, 9), 'YYYY_MM') + interval '1 month') at time zone 'UTC' as ends
from pg_inherits i
join pg_class c on c.oid = i.inhrelid
where i.inhparent = 'reports'::regclass and c.relname ~ '^reports_[0-9]{4}_[0-9]{2}$';

-- A new slice is made apart from the table and then attached: attaching takes a lock that inserts do
-- not wait for, where creating a partition in place would lock the whole table.
create function create_report_slice(slice text, starts timestamptz, ends timestamptz) returns void
language plpgsql as $$
begin
    execute format('create table %I (like reports including defaults including constraints)', slice);
    execute format('alter table %I add primary key (vehicle_id, report_id)', slice);
    execute format('create index %I on %I (vehicle_id, odometer_seq, recorded_at, odometer_m)',
        slice || '_by_reading_time', slice);
    if starts is null then
        execute format('alter table reports attach partition %I for values from (minvalue) to (%L)', slice, ends);
    else
        execute format('alter table reports attach partition %I for values from (%L) to (%L)', slice, starts, ends);
    end if;
end $$;

-- Creates the monthly slices missing up to the one holding `until`; returns how many it created.
-- Instances serialize on an advisory lock, so two never create the same month.
create function ensure_report_slices(until timestamptz) returns int
language plpgsql as $$
declare
    next_start timestamptz;
    created int := 0;
begin
    perform pg_advisory_xact_lock(hashtext('report_slices'));
    select max(ends) into next_start from report_slices;
    while next_start <= until loop
        perform create_report_slice('reports_' || to_char(next_start at time zone 'UTC', 'YYYY_MM'), next_start,
            ((next_start at time zone 'UTC') + interval '1 month') at time zone 'UTC');
        next_start := ((next_start at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        created := created + 1;
    end loop;
    return created;
end $$;

-- Detaches every slice that ends at or before `cutoff`, and the catch-all with them (it is older
-- still), and gives the catch-all a new, empty table up to the oldest slice kept. The detached
-- tables are renamed reports_detached_*, to be dropped after this transaction commits: the lock
-- that detaching takes stops inserts, and is held only for these catalogue changes, not for the
-- removal of gigabytes. Returns the detached tables' names.
create function detach_report_slices(cutoff timestamptz) returns setof text
language plpgsql as $$
declare
    oldest timestamptz;
    bound timestamptz;
    slice record;
    stamp text := to_char(clock_timestamp() at time zone 'UTC', 'YYYYMMDD"T"HH24MISSUS');
begin
    perform pg_advisory_xact_lock(hashtext('report_slices'));
    select min(starts) into oldest from report_slices;
    if oldest is null or oldest > cutoff then
        return;
    end if;
    select coalesce(max(ends), oldest) into bound from report_slices where ends <= cutoff;
    lock table reports in access exclusive mode;
    alter table reports detach partition reports_older;
    execute format('alter table reports_older rename to %I', 'reports_detached_' || stamp || '_older');
    execute format('alter index reports_older_by_reading_time rename to %I',
        'reports_detached_' || stamp || '_older_by_reading_time');
    return next 'reports_detached_' || stamp || '_older';
    for slice in select name from report_slices where ends <= cutoff order by starts loop
        execute format('alter table reports detach partition %I', slice.name);
        execute format('alter table %I rename to %I', slice.name,
            'reports_detached_' || stamp || '_' || substr(slice.name, 9));
        return next 'reports_detached_' || stamp || '_' || substr(slice.name, 9);
    end loop;
    perform create_report_slice('reports_older', null, bound);
end $$;

-- The table of today: every report it holds is older than its bound, the first month sliced.
do $$
declare
    first_month timestamptz := greatest(
        date_trunc('month', now() at time zone 'UTC'),
        (select date_trunc('month', max(recorded_at) at time zone 'UTC') + interval '1 month' from reports_older))
        at time zone 'UTC';
begin
    execute format('alter table reports attach partition reports_older for values from (minvalue) to (%L)',
        first_month);
    perform create_report_slice('reports_' || to_char(first_month at time zone 'UTC', 'YYYY_MM'), first_month,
        ((first_month at time zone 'UTC') + interval '1 month') at time zone 'UTC');
    perform ensure_report_slices(((now() at time zone 'UTC') + interval '2 months') at time zone 'UTC');
end $$;
