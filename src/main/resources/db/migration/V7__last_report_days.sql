-- The summary's reportingVehicles30d counts the vehicles whose last accepted report was recorded in the
-- last 30 days. Counting them in the vehicles table costs a row per active vehicle on every read; this
-- table keeps, per day (UTC), how many vehicles reported last on it, so a read sums at most 31 days of
-- it and counts in the vehicles table only those whose last report fell on the boundary day.
--
-- The database keeps it right, whoever writes: a trigger on every statement that updates vehicles
-- moves each vehicle whose last_report_day changed, one off its old day and one onto its new, in one
-- upsert sorted by day (so concurrent statements wait for each other instead of deadlocking). Crediting
-- changes a vehicle's day at most once a day. Striped as the other fleet aggregates: a stripe's count
-- may go below 0, the sum of the stripes not.

-- no vehicle's day may change between the count below and the trigger that keeps it
lock table vehicles in share row exclusive mode;

create table fleet_last_report_days (
    day       date      not null,
    stripe    smallint  not null,
    vehicles  bigint    not null default 0,
    primary key (day, stripe)
) with (fillfactor = 70);

insert into fleet_last_report_days (day, stripe, vehicles)
select last_report_day, 0, count(*) from vehicles where last_report_day is not null group by last_report_day;

create function move_last_report_days() returns trigger
language plpgsql as $$
begin
    insert into fleet_last_report_days as f (day, stripe, vehicles)
    select m.day, floor(random() * 16)::smallint, sum(m.vehicles)
    from (select o.last_report_day as day, -1 as vehicles
          from old_vehicles o join new_vehicles n on n.id = o.id
          where o.last_report_day is distinct from n.last_report_day and o.last_report_day is not null
          union all
          select n.last_report_day, 1
          from old_vehicles o join new_vehicles n on n.id = o.id
          where o.last_report_day is distinct from n.last_report_day and n.last_report_day is not null) m
    group by m.day
    having sum(m.vehicles) <> 0
    order by m.day
    on conflict (day, stripe) do update set vehicles = f.vehicles + excluded.vehicles;
    return null;
end
$$;

create trigger vehicles_last_report_days after update on vehicles
referencing old table as old_vehicles new table as new_vehicles
for each statement execute function move_last_report_days();
