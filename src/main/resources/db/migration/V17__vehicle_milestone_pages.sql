-- The fleet's latest vehicle milestones are read as keyset pages, the newest first
-- (GET /api/v1/milestones?scope=VEHICLE): this index gives them in that order, ties of reached_at (the
-- milestones one transaction fired) broken by id, so that a page is a range of it and the thousandth page
-- costs what the first costs. The unique key (scope, subject, threshold_km) serves the other reads.
create index milestones_by_time on milestones (scope, reached_at, id);
