-- V10 had crediting keep each vehicle's figures per day in vehicle_days, adding to the day's row with
-- every report. Measured on the single-report path (bench/run, 200 vehicles, 64 connections, group
-- commit), that update cost a fifth of the throughput (about 6,000 -> 4,500 reports/s): a vehicle's
-- daily series is read from its reports instead (through crediting's own index), and vehicle_days
-- goes back to marking which vehicles reported on which day.
alter table vehicle_days
    drop column distance_m,
    drop column reports,
    drop column trips,
    drop column energy_consumed_wh,
    drop column energy_regenerated_wh;
alter table vehicle_days reset (fillfactor);
