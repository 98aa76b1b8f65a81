-- Ingestion updates a vehicle's running figures with every report. An index on a column it changes
-- (last_report_at) made each of those updates write a new entry into every index of vehicles and
-- left dead ones behind for look-ups by VIN to wade through until vacuum. The reporting-vehicles
-- count now uses the day of the last report, which changes at most once a day per vehicle, so the
-- other updates can be heap-only (HOT); the fill factors leave room on each page for them.
alter table vehicles add column last_report_day date;
update vehicles set last_report_day = (last_report_at at time zone 'UTC')::date;
drop index vehicles_last_report_at;
create index vehicles_last_report_day on vehicles (last_report_day);
alter table vehicles set (fillfactor = 70);
alter table odometers set (fillfactor = 80);
alter table fleet_totals set (fillfactor = 50);
alter table fleet_daily set (fillfactor = 70);
alter table fleet_countries set (fillfactor = 70);
