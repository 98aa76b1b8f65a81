-- What one crediting transaction adds to the fleet aggregates, applied in one round trip. The rows are
-- touched in a fixed order (days by date, countries by code, then the totals), as before, so that
-- concurrent transactions on the same stripe wait for each other instead of deadlocking.
create function record_fleet_delta(stripe_no smallint, days date[], day_distances bigint[], day_reports bigint[],
                                   day_new_vehicles bigint[], countries char(2)[], country_distances bigint[],
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

    insert into fleet_countries as f (country, stripe, distance_m)
    select c.country, stripe_no, c.distance_m
    from unnest(countries, country_distances) with ordinality as c (country, distance_m, n)
    order by c.n
    on conflict (country, stripe) do update set distance_m = f.distance_m + excluded.distance_m;

    update fleet_totals set distance_m = distance_m + distance, reports = reports + report_count
    where stripe = stripe_no;
end
$$;
