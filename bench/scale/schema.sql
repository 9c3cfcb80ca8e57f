-- The shape of thidua's two largest tables at province scale, twice: as they are (one table, indexes that lead
-- with area_id) and partitioned by area (LIST on the province, the part of area_id before '/'), which is how a
-- Citus cluster would place them (the distribution column being area_id). Only the columns the measured queries
-- touch, plus a payload of the real rows' size. See deploy/SCALE.md.
DROP SCHEMA IF EXISTS flat CASCADE;
DROP SCHEMA IF EXISTS parted CASCADE;
CREATE SCHEMA flat;
CREATE SCHEMA parted;

CREATE TABLE flat.nominations (
    id bigint PRIMARY KEY, area_id text NOT NULL, province text NOT NULL, unit_no int NOT NULL, round_year int NOT NULL,
    state text NOT NULL, submitted_at timestamptz, payload text NOT NULL);
CREATE INDEX ON flat.nominations (area_id, round_year, state);
CREATE INDEX ON flat.nominations (area_id, submitted_at DESC);
CREATE TABLE flat.audit_events (
    id bigint PRIMARY KEY, area_id text NOT NULL, province text NOT NULL, record_id bigint NOT NULL, seq int NOT NULL,
    occurred_at timestamptz NOT NULL, payload text NOT NULL);
CREATE INDEX ON flat.audit_events (record_id, seq);
CREATE INDEX ON flat.audit_events (area_id, occurred_at);

CREATE TABLE parted.nominations (LIKE flat.nominations) PARTITION BY LIST (province);
CREATE TABLE parted.audit_events (LIKE flat.audit_events) PARTITION BY LIST (province);
DO $$
BEGIN
    FOR p IN 1..63 LOOP
        EXECUTE format('CREATE TABLE parted.nominations_%s PARTITION OF parted.nominations FOR VALUES IN (%L)', p, 'p' || p);
        EXECUTE format('CREATE TABLE parted.audit_events_%s PARTITION OF parted.audit_events FOR VALUES IN (%L)', p, 'p' || p);
    END LOOP;
END $$;
ALTER TABLE parted.nominations ADD PRIMARY KEY (province, id);
CREATE INDEX ON parted.nominations (area_id, round_year, state);
CREATE INDEX ON parted.nominations (area_id, submitted_at DESC);
ALTER TABLE parted.audit_events ADD PRIMARY KEY (province, id);
CREATE INDEX ON parted.audit_events (record_id, seq);
CREATE INDEX ON parted.audit_events (area_id, occurred_at);
-- province is a function of area_id: without telling the planner so, it multiplies the two selectivities,
-- expects 2 rows of an area instead of 1,000 and sorts a bitmap scan instead of walking the index (measured: the
-- flat list query 20 times slower). A distributed layout repeating its key in every filter needs the same.
CREATE STATISTICS flat_nominations_area (dependencies) ON province, area_id FROM flat.nominations;
CREATE STATISTICS flat_events_area (dependencies) ON province, area_id FROM flat.audit_events;
CREATE STATISTICS parted_nominations_area (dependencies) ON province, area_id FROM parted.nominations;
CREATE STATISTICS parted_events_area (dependencies) ON province, area_id FROM parted.audit_events;
