-- Reports in time slices (docs/architecture.md, "Reports over years"): one partition per calendar month
-- (UTC) of recorded_at, named reports_YYYY_MM, and below the oldest of them one partition for every
-- earlier time, reports_older, so that a report of any age has a slice. Retention drops whole slices,
-- never deletes rows; the service creates the months ahead of time (ensure_slices, run by every
-- instance on start and hourly) and drops those wholly older than fleet.reports.retention
-- (detach_slices). There is no default partition: it would have to be scanned whenever a month
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

-- The slices present, of reports and (V18) anomalies: a catch-all's bound is the start of the oldest
-- month of its table.
create view table_slices as
select p.relname::text as parent, c.relname::text as name,
       to_date(month, 'YYYY_MM')::timestamp at time zone 'UTC' as starts,
       (to_date(month, 'YYYY_MM') + interval '1 month') at time zone 'UTC' as ends
from pg_inherits i
join pg_class c on c.oid = i.inhrelid
join pg_class p on p.oid = i.inhparent
-- null for a catch-all, so that no plan can read its name as a month, whatever it filters first
cross join lateral (select case when c.relname ~ ('^' || p.relname || '_[0-9]{4}_[0-9]{2}$')
                                then right(c.relname, 7) end as month) m
where m.month is not null;

-- A new slice is made apart from the table and then attached: attaching takes a lock that inserts do
-- not wait for, where creating a partition in place would lock the whole table. A slice of reports
-- gets its own key (see above) and the index crediting reads; the other tables' keys and indexes
-- are their parent's, made by attaching.
create function create_slice(parent text, slice text, starts timestamptz, ends timestamptz) returns void
language plpgsql as $$
begin
    execute format('create table %I (like %I including defaults including constraints)', slice, parent);
    if parent = 'reports' then
        execute format('alter table %I add primary key (vehicle_id, report_id)', slice);
        execute format('create index %I on %I (vehicle_id, odometer_seq, recorded_at, odometer_m)',
            slice || '_by_reading_time', slice);
    end if;
    if starts is null then
        execute format('alter table %I attach partition %I for values from (minvalue) to (%L)', parent, slice, ends);
    else
        execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, slice, starts,
            ends);
    end if;
end $$;

-- Creates the monthly slices of `parent` missing up to the one holding `until`; returns how many it
-- created. Instances serialize on an advisory lock, so two never create the same month.
create function ensure_slices(parent text, until timestamptz) returns int
language plpgsql as $$
declare
    next_start timestamptz;
    created int := 0;
begin
    perform pg_advisory_xact_lock(hashtext('slices of ' || parent));
    select max(ends) into next_start from table_slices s where s.parent = ensure_slices.parent;
    while next_start <= until loop
        perform create_slice(parent, parent || '_' || to_char(next_start at time zone 'UTC', 'YYYY_MM'), next_start,
            ((next_start at time zone 'UTC') + interval '1 month') at time zone 'UTC');
        next_start := ((next_start at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        created := created + 1;
    end loop;
    return created;
end $$;

-- Detaches every slice of `parent` that ends at or before `cutoff`, and its catch-all with them (it
-- is older still), and gives the catch-all a new, empty table up to the oldest slice kept. The
-- detached tables are renamed <parent>_detached_*, to be dropped after this transaction commits:
-- the lock that detaching takes stops inserts, and is held only for these catalogue changes, not
-- for the removal of gigabytes. Returns the detached tables' names. (V18 adds the anomalies' count.)
create function detach_slices(parent text, cutoff timestamptz) returns setof text
language plpgsql as $$
declare
    oldest timestamptz;
    bound timestamptz;
    slice record;
    prefix text := parent || '_detached_' || to_char(clock_timestamp() at time zone 'UTC', 'YYYYMMDD"T"HH24MISSUS');
begin
    perform pg_advisory_xact_lock(hashtext('slices of ' || parent));
    select min(starts) into oldest from table_slices s where s.parent = detach_slices.parent;
    if oldest is null or oldest > cutoff then
        return;
    end if;
    select coalesce(max(ends), oldest) into bound from table_slices s
    where s.parent = detach_slices.parent and ends <= cutoff;
    execute format('lock table %I in access exclusive mode', parent);
    for slice in
        select parent || '_older' as name, 'older' as suffix
        union all
        select * from (select s.name, right(s.name, 7) from table_slices s
                       where s.parent = detach_slices.parent and s.ends <= cutoff order by s.starts) months
    loop
        perform before_detaching(parent, slice.name);
        execute format('alter table %I detach partition %I', parent, slice.name);
        execute format('alter table %I rename to %I', slice.name, prefix || '_' || slice.suffix);
        -- the indexes this function names keep their names: free them for the table made again
        if parent = 'reports' and slice.suffix = 'older' then
            execute format('alter index reports_older_by_reading_time rename to %I', prefix || '_older_by_reading_time');
        end if;
        return next prefix || '_' || slice.suffix;
    end loop;
    perform create_slice(parent, parent || '_older', null, bound);
end $$;

-- What a table must settle about a slice it is about to lose, under its lock: nothing, for reports.
create function before_detaching(parent text, slice text) returns void
language plpgsql as $$
begin
end $$;

-- Makes <parent>_older, the table of before, the slice of all time before the month after its
-- newest row (or this month), and slices the months from there to two months ahead.
create function slice_table_of_today(parent text, slicing_column text) returns void
language plpgsql as $$
declare
    newest timestamptz;
    first_month timestamptz;
begin
    execute format('select max(%I) from %I', slicing_column, parent || '_older') into newest;
    first_month := greatest(date_trunc('month', now() at time zone 'UTC'),
        date_trunc('month', newest at time zone 'UTC') + interval '1 month') at time zone 'UTC';
    execute format('alter table %I attach partition %I for values from (minvalue) to (%L)', parent,
        parent || '_older', first_month);
    perform create_slice(parent, parent || '_' || to_char(first_month at time zone 'UTC', 'YYYY_MM'), first_month,
        ((first_month at time zone 'UTC') + interval '1 month') at time zone 'UTC');
    perform ensure_slices(parent, ((now() at time zone 'UTC') + interval '2 months') at time zone 'UTC');
end $$;

select slice_table_of_today('reports', 'recorded_at');
