-- An auditor's month of one district's events.
\set p random(1, 63)
\set d random(1, 10)
SELECT count(*) FROM :layout.audit_events
WHERE province = 'p' || :p AND area_id = 'p' || :p || '/d' || :d
  AND occurred_at >= '2023-03-01' AND occurred_at < '2023-04-01';
