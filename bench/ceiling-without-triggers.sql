-- Not a proposal: a measurement. With the audit, workflow-guard and quota triggers off on the two tables the
-- write path touches, the benchmark's "RLS off" rows show what the same statements cost with no rule
-- enforced at all: the ceiling any change to the triggers and policies can approach.
--   thidua bench --apply bench/ceiling-without-triggers.sql --no-single-unit
ALTER TABLE thidua.nominees DISABLE TRIGGER audit;
ALTER TABLE thidua.nominations DISABLE TRIGGER audit, DISABLE TRIGGER nominations_guard, DISABLE TRIGGER nominations_quota;
