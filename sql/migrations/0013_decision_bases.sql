-- What a commendation decision cites before "Theo đề nghị của …" (Nghị định 30/2020, phụ lục I): the law and
-- its decree in force on the decision's date, and the plan the round carries out. Kept as data with their dates,
-- as the rewards' coefficients and base salaries are, so a decision drafted for 2021 cites the law of 2003 and
-- its Nghị định 91/2017, and one drafted in 2024 the law of 2022 and Nghị định 98/2023, without anyone retyping them.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE legal_bases (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    -- As the decision cites it, without the "Căn cứ" the document adds and the ";" it ends the line with.
    citation text NOT NULL CHECK (citation IS NFC NORMALIZED AND btrim(citation) <> '' AND citation !~ '^(Căn cứ|căn cứ)'),
    -- The law before its decrees.
    rank integer NOT NULL CHECK (rank > 0),
    valid_from date NOT NULL,
    valid_to date,
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
COMMENT ON TABLE legal_bases IS 'The law and decrees a commendation decision cites, with the dates each is in force (valid_to exclusive).';

-- LAW.md: the 2022 law in force 01/01/2024, detailed by Nghị định 98/2023, then by Nghị định 152/2025 from
-- 01/07/2025 (whether 152 formally repeals 98 is unverified: from that date the newer decree is cited).
INSERT INTO legal_bases (code, citation, rank, valid_from, valid_to, verification) VALUES
    ('luat-2003', 'Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013',
     1, '2014-06-01', '2024-01-01', 'partly'),
    ('nd-91-2017', 'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
     2, '2017-10-01', '2024-01-01', 'partly'),
    ('luat-2022', 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 1, '2024-01-01', NULL, 'verified'),
    ('nd-98-2023', 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
     2, '2024-01-01', '2025-07-01', 'verified'),
    ('nd-152-2025', 'Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
     2, '2025-07-01', NULL, 'partly');

CREATE FUNCTION legal_bases_on(day date) RETURNS SETOF thidua.legal_bases
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT * FROM thidua.legal_bases b WHERE b.valid_from <= day AND (b.valid_to IS NULL OR b.valid_to > day)
    ORDER BY b.rank, b.valid_from;
END;

ALTER TABLE legal_bases ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY signed_in_read ON legal_bases FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON legal_bases FOR EACH ROW EXECUTE FUNCTION write_audit_event('code');

-- The plan a round carries out ("Kế hoạch số 123/KH-UBND ngày 02/7/2021 …"), cited after the law; a round
-- made before this column has none, and the secretariat types it.
ALTER TABLE rounds ADD COLUMN plan_citation text
    CHECK (plan_citation IS NFC NORMALIZED AND btrim(plan_citation) <> '' AND plan_citation !~ '^(Căn cứ|căn cứ)');

RESET ROLE;
GRANT SELECT ON thidua.legal_bases TO thidua_app, thidua_reader;
