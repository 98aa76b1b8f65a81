-- The slice of `parent` that holds the rows of time `at`: the slice of its month, named as
-- ensure_slices (V15) names them, or, for a month that has none (older than every month slice),
-- the catch-all <parent>_older. A name, not a walk of the partition bounds: it is read in every
-- crediting transaction, and a catalogue look-up by name costs microseconds.
-- ReportSlicesIntegrationTests checks it against every slice there is.
create function slice_holding(parent text, at timestamptz) returns regclass
language sql stable parallel safe
return coalesce(to_regclass(parent || '_' || to_char(at at time zone 'UTC', 'YYYY_MM')),
                to_regclass(parent || '_older'));

-- Whether this month's slice of `parent` has been analyzed with 10,000 rows in it: from then on, a
-- statement that reads every slice may keep one generic plan (that analysis made PostgreSQL drop
-- every plan made before). A plan kept from before would have been made for an empty or small
-- slice, and could read that slice whole for every row as it fills. (docs/architecture.md,
-- "Reports over years"; PlansOverSlicesIntegrationTests.)
create function this_months_slice_analyzed(parent text) returns boolean
language sql stable parallel safe
return coalesce((select reltuples >= 10000 from pg_class where oid = slice_holding(parent, now())), false);
