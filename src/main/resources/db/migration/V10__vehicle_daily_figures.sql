-- A vehicle's daily series: what it credited per UTC day of recordedAt, kept by crediting in the row
-- that already marks the vehicle as reporting on that day. Summed over vehicles it is the fleet's daily
-- distance, and it stays when old reports are removed. reports counts the accepted reports of the day:
-- an upsert that finds it equal to what it added knows it created the row (the vehicle's first report
-- that day, counted in the fleet's reporting vehicles).
alter table vehicle_days
    add column distance_m             bigint  not null default 0,
    add column reports                bigint  not null default 0,
    add column trips                  bigint  not null default 0,
    add column energy_consumed_wh     bigint  not null default 0,
    add column energy_regenerated_wh  bigint  not null default 0;

update vehicle_days d
set distance_m = r.distance_m, reports = r.reports, trips = r.trips,
    energy_consumed_wh = r.consumed, energy_regenerated_wh = r.regenerated
from (select vehicle_id, (recorded_at at time zone 'UTC')::date as day, sum(credited_m) as distance_m,
             count(*) as reports, count(*) filter (where type = 'TRIP') as trips,
             coalesce(sum(energy_consumed_wh) filter (where type = 'TRIP'), 0) as consumed,
             coalesce(sum(energy_regenerated_wh) filter (where type = 'TRIP'), 0) as regenerated
      from reports group by 1, 2) r
where d.vehicle_id = r.vehicle_id and d.day = r.day;

-- the day's row is updated by each later report of that day: leave room for heap-only updates
alter table vehicle_days set (fillfactor = 80);
