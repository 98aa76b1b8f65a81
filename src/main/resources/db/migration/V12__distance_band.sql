-- The leaders (GET /api/v1/fleet/leaders) are the vehicles with the most distance. An index on
-- distance_m, which every credit changes, would end the heap-only (HOT) updates of vehicles (see V3):
-- measured on 275,000 vehicles and 200,000 credits, none of the updates stayed HOT instead of all, and
-- they took three to four times as long. The band of 10,000 km changes once every 10,000 km of a
-- vehicle, so 99.8% of those updates stayed HOT, and an index on it serves the leaders: ordered by
-- band, then by distance, is ordered by distance (docs/architecture.md, "The leaders").
alter table vehicles add column distance_band int generated always as (distance_m / 10000000) stored;
create index vehicles_by_distance_band on vehicles (distance_band desc);
create index vehicles_by_country_distance_band on vehicles (country, distance_band desc);
