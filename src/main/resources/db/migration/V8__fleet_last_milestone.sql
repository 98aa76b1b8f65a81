-- The highest fleet milestone reached, kept by the fleet module for its summary (one row at most).
-- The milestones module records it through FleetLedger when it fires one, so that the summary reads
-- only the fleet module's tables, still in one statement, instead of running the milestones module's
-- query on its ledger.
create table fleet_last_milestone (
    only_row     boolean      primary key default true check (only_row),
    threshold_km bigint       not null,
    reached_at   timestamptz  not null
);

insert into fleet_last_milestone (threshold_km, reached_at)
select threshold_km, reached_at from milestones
where scope = 'FLEET' and subject = ''
order by threshold_km desc
limit 1;
