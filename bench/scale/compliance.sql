-- A district's compliance-like count: its nominations of one year by state.
\set p random(1, 63)
\set d random(1, 10)
SELECT state, count(*) FROM :layout.nominations
WHERE province = 'p' || :p AND area_id = 'p' || :p || '/d' || :d AND round_year = 2023 GROUP BY state;
