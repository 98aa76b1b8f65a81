-- Milestone detection takes the fleet-milestone advisory lock and then reads the fleet distance. The
-- read must be a statement of its own, begun once the lock is held, so that it sees every transaction
-- that held the lock before; a VOLATILE PL/pgSQL function takes a new snapshot for each statement in
-- it, which gives both in one round trip, and the lock is held for one round trip less.
create function locked_fleet_distance(lock_key bigint) returns bigint
language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(lock_key);
    return (select coalesce(sum(distance_m), 0) from fleet_totals);
end
$$;
