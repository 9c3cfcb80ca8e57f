-- A district's list page: its 50 latest submissions.
\set p random(1, 63)
\set d random(1, 10)
SELECT id, state, submitted_at FROM :layout.nominations
WHERE province = 'p' || :p AND area_id = 'p' || :p || '/d' || :d ORDER BY submitted_at DESC LIMIT 50;
