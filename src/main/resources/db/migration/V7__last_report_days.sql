-- The summary's reportingVehicles30d counts the vehicles whose last accepted report was recorded in the
-- last 30 days. Counting them in the vehicles table costs a row per active vehicle on every read; this
-- table keeps, per day (UTC), how many vehicles reported last on it, so a read sums at most 31 days of
-- it and counts in the vehicles table only those whose last report fell on the boundary day. A
-- crediting transaction moves each vehicle whose last report day changed: one off its old day, one
-- onto its new. Striped as the other fleet aggregates; a stripe's count may go below 0, their sum not.
create table fleet_last_report_days (
    day       date      not null,
    stripe    smallint  not null,
    vehicles  bigint    not null default 0,
    primary key (day, stripe)
) with (fillfactor = 70);

insert into fleet_last_report_days (day, stripe, vehicles)
select last_report_day, 0, count(*) from vehicles where last_report_day is not null group by last_report_day;

drop function record_fleet_delta(smallint, date[], bigint[], bigint[], bigint[], char(2)[], bigint[], bigint, bigint);

-- As in V6, with the moves of last report days; rows are touched in a fixed order (days by date,
-- last report days by date, countries by code, then the totals), so that concurrent transactions on
-- the same stripe wait for each other instead of deadlocking.
create function record_fleet_delta(stripe_no smallint, days date[], day_distances bigint[], day_reports bigint[],
                                   day_new_vehicles bigint[], last_days date[], last_day_vehicles bigint[],
                                   countries char(2)[], country_distances bigint[],
                                   distance bigint, report_count bigint) returns void
language plpgsql volatile as $$
begin
    insert into fleet_daily as f (day, stripe, distance_m, reports, reporting_vehicles)
    select d.day, stripe_no, d.distance_m, d.reports, d.new_vehicles
    from unnest(days, day_distances, day_reports, day_new_vehicles) with ordinality
        as d (day, distance_m, reports, new_vehicles, n)
    order by d.n
    on conflict (day, stripe) do update set distance_m = f.distance_m + excluded.distance_m,
        reports = f.reports + excluded.reports,
        reporting_vehicles = f.reporting_vehicles + excluded.reporting_vehicles;

    if cardinality(last_days) > 0 then
        insert into fleet_last_report_days as f (day, stripe, vehicles)
        select l.day, stripe_no, l.vehicles
        from unnest(last_days, last_day_vehicles) with ordinality as l (day, vehicles, n)
        order by l.n
        on conflict (day, stripe) do update set vehicles = f.vehicles + excluded.vehicles;
    end if;

    insert into fleet_countries as f (country, stripe, distance_m)
    select c.country, stripe_no, c.distance_m
    from unnest(countries, country_distances) with ordinality as c (country, distance_m, n)
    order by c.n
    on conflict (country, stripe) do update set distance_m = f.distance_m + excluded.distance_m;

    update fleet_totals set distance_m = distance_m + distance, reports = reports + report_count
    where stripe = stripe_no;
end
$$;
