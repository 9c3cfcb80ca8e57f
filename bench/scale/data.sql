-- 63 provinces × 10 districts = 630 areas; per area 40 units and 1,000 nominations over the plan's five years
-- (630,000 nominations), three audit events each (1,890,000), rows of 400–600 bytes like the real ones.
\set provinces 63
INSERT INTO flat.nominations
SELECT n, 'p' || p || '/d' || d, 'p' || p, 1 + (n % 40), 2021 + (n % 5),
       (ARRAY['draft', 'submitted', 'endorsed', 'verified', 'decided'])[1 + (n % 5)],
       timestamptz '2021-07-01' + (n % 1800) * interval '1 day', repeat('Thành tích tiêu biểu ', 22)
FROM generate_series(1, :provinces) p, generate_series(1, 10) d, generate_series(1, 1000) k,
     LATERAL (SELECT ((p - 1) * 10 + (d - 1)) * 1000 + k AS n) ids;
INSERT INTO flat.audit_events
SELECT (n.id - 1) * 3 + s, n.area_id, n.province, n.id, s, n.submitted_at + s * interval '1 hour', repeat('sự kiện ', 60)
FROM flat.nominations n, generate_series(1, 3) s;
INSERT INTO parted.nominations SELECT * FROM flat.nominations;
INSERT INTO parted.audit_events SELECT * FROM flat.audit_events;
VACUUM ANALYZE;
