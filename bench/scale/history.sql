-- One record's history (its chain), the record named with its province as a distributed table needs.
\set n random(1, 630000)
SELECT seq, occurred_at FROM :layout.audit_events
WHERE province = 'p' || (1 + (:n - 1) / 10000) AND record_id = :n ORDER BY seq;
