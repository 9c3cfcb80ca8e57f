-- Commendation decisions and the legal rules they are judged by (issue 4 §2–§3, LAW.md, DESIGN.md §5).
--
-- The law as data. commendation_forms is the catalogue of forms and titles; conferring_authorities says which
-- decision-maker (a level: district chairman, commune chairman, provincial chairman) may confer which form,
-- from when to when, on what basis; reward_coefficients and base_salaries give the money, with their dates.
-- Every row carries its legal basis and how far it is verified (LAW.md's [V]/[P]/[U] as verified, partly,
-- unverified): what is not verified is still data an administrator changes, never a constant. These rows are
-- inserted below BEFORE the audit triggers exist, like council_rules in 0009, so a fresh database's trail
-- stays empty; every later change is audited. A deployment's own rows (the series of Huyện Tủa Chùa) are in
-- seed/, loaded by the installer.
--
-- A decision (quyết định) is drafted by the secretariat from approved nominations, one item per nomination
-- with its form, its commendation type and the reward computed from the coefficient and the base salary in
-- force on the decision's date (all three stored). The chairman signs it, in person or as "KT. Chủ tịch" by
-- a deputy holding a KT delegation of the chairman role, or sends it back with a reason. A proposal upward
-- (tờ trình đề nghị) is a decision of kind 'proposal' in its own series, addressed to a higher level, whose
-- items record that level's answer; a revocation is a decision of kind 'revocation' naming the decision it
-- cancels.
--
-- Numbering: the number is taken when the decision is SIGNED, not when it is drafted — the practice of
-- Nghị định 30/2020/NĐ-CP on văn thư (a document is numbered and dated at issue, after the signature), and the
-- only way a series stays gapless when drafts are abandoned or sent back. The signing UPDATE's guard takes
-- the number from decision_numbers (one row per series and year), INSERT … ON CONFLICT DO UPDATE, which locks
-- that row until the signing commits: two signings in one series queue there, and a rolled-back signing gives
-- its number back. The counter can be written only from inside that guard (pg_trigger_depth), and
-- UNIQUE (series_id, year, number) stands behind it.
--
-- Immutability: once signed, a decision and its items never change, for anyone, the owner included
-- (guard_decision, guard_decision_item; TD033), except the bookkeeping of their consequences: a revocation
-- marks the decision it names revoked, and a proposal's items record the higher level's answer once.
--
-- Consequences, in the signing transaction (carry_out_decision): the items' nominations move approved →
-- decided (the edge is guard_nomination's, 0004), the commendation records are created; a revocation marks
-- its target revoked and the target's commendation records revoked (never deleted).
--
-- Errors: TD030 the decision-maker may not confer the form (or a proposal's addressee may not, or the issuer
-- could itself) · TD031 the nominee is under a hold on the decision's date · TD032 the achievement is commended
-- (or proposed) already · TD033 a signed decision never changes (DETAIL state=) · TD034 no base salary in
-- force on the decision's date · TD035 the nomination's public notice has not ended without objection (at
-- signing, and when the council opens a session over it) · TD036 the public notice is closed: it takes no more
-- objections or comments · TD037 a notice is opened only for a nomination between submission and the decision
-- (DETAIL state=, the nomination's state).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- The law
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- Forms (Law art. 8) and emulation titles. notice_working_days: a public notice the law requires before the
-- commendation (LAW.md "Public notice"), NULL where no rule was found.
CREATE TABLE commendation_forms (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    kind text NOT NULL CHECK (kind IN ('certificate', 'emulation_title', 'order', 'medal', 'honorary_title', 'prize', 'commemorative_medal')),
    nominee_kinds text[] NOT NULL CHECK (
        cardinality(nominee_kinds) > 0 AND nominee_kinds <@ ARRAY['collective', 'individual', 'household', 'locality']),
    notice_working_days integer CHECK (notice_working_days > 0),
    notice_basis text CHECK (notice_basis IS NFC NORMALIZED AND btrim(notice_basis) <> ''),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((notice_working_days IS NULL) = (notice_basis IS NULL))
);
COMMENT ON TABLE commendation_forms IS 'Forms of commendation and emulation titles (LAW.md "Forms and types"); the law''s rows: 0010.';

-- Types (Law art. 9). Awards by movement/theme and ad hoc do not count toward proposals for higher merit awards.
CREATE TABLE commendation_types (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]+$'),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    counts_toward_higher boolean NOT NULL,
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);

-- Who may confer what (Law art. 80): one row per decision-maker level and form, with its dates and basis.
CREATE TABLE conferring_authorities (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    level text NOT NULL CHECK (level IN ('province_chairman', 'district_chairman', 'commune_chairman')),
    form_code text NOT NULL REFERENCES commendation_forms,
    valid_from date NOT NULL,
    valid_to date,
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (level, form_code, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
COMMENT ON COLUMN conferring_authorities.valid_to IS 'First day the power no longer holds (the district level ended on 2025-07-01).';

-- Reward = coefficient × base salary in force on the decision's date (LAW.md "Money").
CREATE TABLE reward_coefficients (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    form_code text NOT NULL REFERENCES commendation_forms,
    nominee_kind text NOT NULL CHECK (nominee_kind IN ('collective', 'individual', 'household', 'locality')),
    coefficient numeric(6, 3) NOT NULL CHECK (coefficient > 0),
    valid_from date NOT NULL,
    valid_to date,
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (form_code, nominee_kind, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE base_salaries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    amount bigint NOT NULL CHECK (amount > 0),
    valid_from date NOT NULL UNIQUE,
    valid_to date,
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
COMMENT ON TABLE base_salaries IS 'Mức lương cơ sở in VND with the dates it applies; a reward uses the one in force on its decision''s date.';

INSERT INTO commendation_forms (code, name, kind, nominee_kinds, notice_working_days, notice_basis) VALUES
    ('giay-khen-chu-tich-huyen', 'Giấy khen của Chủ tịch Ủy ban nhân dân huyện', 'certificate',
     ARRAY['individual', 'collective', 'household'], NULL, NULL),
    ('giay-khen-chu-tich-xa', 'Giấy khen của Chủ tịch Ủy ban nhân dân xã', 'certificate',
     ARRAY['individual', 'collective', 'household'], NULL, NULL),
    ('bang-khen-chu-tich-tinh', 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'certificate',
     ARRAY['individual', 'collective', 'household'], NULL, NULL),
    ('lao-dong-tien-tien', 'Lao động tiên tiến', 'emulation_title', ARRAY['individual'], NULL, NULL),
    ('chien-si-thi-dua-co-so', 'Chiến sĩ thi đua cơ sở', 'emulation_title', ARRAY['individual'], NULL, NULL),
    ('chien-si-thi-dua-cap-tinh', 'Chiến sĩ thi đua cấp tỉnh', 'emulation_title', ARRAY['individual'], NULL, NULL),
    ('tap-the-lao-dong-tien-tien', 'Tập thể lao động tiên tiến', 'emulation_title', ARRAY['collective'], NULL, NULL),
    ('tap-the-lao-dong-xuat-sac', 'Tập thể lao động xuất sắc', 'emulation_title', ARRAY['collective'], NULL, NULL),
    ('thon-to-dan-pho-van-hoa', 'Thôn, tổ dân phố văn hóa', 'emulation_title', ARRAY['locality'], NULL, NULL),
    ('gia-dinh-van-hoa', 'Gia đình văn hóa', 'emulation_title', ARRAY['household'], NULL, NULL),
    ('xa-tieu-bieu', 'Xã, phường, thị trấn tiêu biểu', 'emulation_title', ARRAY['locality'], 10,
     'Lấy ý kiến nhân dân 10 ngày làm việc (Nghị định 86/2023/NĐ-CP; LAW.md "Public notice")');

INSERT INTO commendation_types (code, name, counts_toward_higher, legal_basis) VALUES
    ('by_movement', 'Khen thưởng theo đợt, chuyên đề', false, 'Luật Thi đua, khen thưởng 2022, điều 9; Nghị định 152/2025/NĐ-CP, điều 4'),
    ('ad_hoc', 'Khen thưởng đột xuất', false, 'Luật Thi đua, khen thưởng 2022, điều 9; Nghị định 152/2025/NĐ-CP, điều 4'),
    ('merit', 'Khen thưởng theo công trạng và thành tích đạt được', true, 'Luật Thi đua, khen thưởng 2022, điều 9'),
    ('long_service', 'Khen thưởng quá trình cống hiến', true, 'Luật Thi đua, khen thưởng 2022, điều 9'),
    ('seniority', 'Khen thưởng theo niên hạn', true, 'Luật Thi đua, khen thưởng 2022, điều 9'),
    ('foreign', 'Khen thưởng đối ngoại', true, 'Luật Thi đua, khen thưởng 2022, điều 9');

-- Law art. 80 as LAW.md gives it [V before 1/7/2025]. Before 2024 (the 2003 law, Nghị định 91/2017) the district
-- and commune lists are assumed the same: unverified, so a 2021–2023 decision is judged by a row marked so.
-- From 1/7/2025 the district level is gone and the commune chairman takes its powers (Nghị định 129/2025) [P].
INSERT INTO conferring_authorities (level, form_code, valid_from, valid_to, legal_basis, verification)
SELECT 'district_chairman', f, '2024-01-01'::date, '2025-07-01'::date,
       'Luật Thi đua, khen thưởng số 06/2022/QH15, điều 80 (cấp huyện bãi bỏ từ 01/7/2025)', 'verified'
FROM unnest(ARRAY['giay-khen-chu-tich-huyen', 'lao-dong-tien-tien', 'chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien',
                  'thon-to-dan-pho-van-hoa']) f
UNION ALL
SELECT 'district_chairman', f, '2018-01-01'::date, '2024-01-01'::date,
       'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013), Nghị định 91/2017/NĐ-CP: giả định cùng danh mục như luật 2022, chưa kiểm chứng',
       'unverified'
FROM unnest(ARRAY['giay-khen-chu-tich-huyen', 'lao-dong-tien-tien', 'chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien',
                  'thon-to-dan-pho-van-hoa']) f
UNION ALL
SELECT 'commune_chairman', f, '2024-01-01'::date, NULL::date, 'Luật Thi đua, khen thưởng số 06/2022/QH15, điều 80', 'verified'
FROM unnest(ARRAY['giay-khen-chu-tich-xa', 'lao-dong-tien-tien', 'gia-dinh-van-hoa']) f
UNION ALL
SELECT 'commune_chairman', f, '2025-07-01'::date, NULL::date,
       'Nghị định 129/2025/NĐ-CP: thẩm quyền của Chủ tịch UBND cấp huyện chuyển cho Chủ tịch UBND cấp xã (chưa kiểm chứng đầy đủ)', 'partly'
FROM unnest(ARRAY['chien-si-thi-dua-co-so', 'tap-the-lao-dong-tien-tien', 'thon-to-dan-pho-van-hoa']) f
UNION ALL
SELECT 'province_chairman', f, '2024-01-01'::date, NULL::date, 'Luật Thi đua, khen thưởng số 06/2022/QH15, điều 80', 'partly'
FROM unnest(ARRAY['bang-khen-chu-tich-tinh', 'tap-the-lao-dong-xuat-sac', 'chien-si-thi-dua-cap-tinh']) f
UNION ALL
SELECT 'province_chairman', 'xa-tieu-bieu', '2024-01-01'::date, NULL::date,
       'Nghị định 86/2023/NĐ-CP: cấp công nhận chưa kiểm chứng', 'unverified';

-- LAW.md "Money" [V, NĐ 152/2025, from 1/7/2025]. From 1/1/2024 to 30/6/2025 (Nghị định 98/2023) the same
-- figures are assumed, unverified. A household: 1.5 × the individual amount.
INSERT INTO reward_coefficients (form_code, nominee_kind, coefficient, valid_from, valid_to, legal_basis, verification)
SELECT form_code, nominee_kind, coefficient, period.valid_from, period.valid_to, period.basis, period.verification
FROM (VALUES
        ('lao-dong-tien-tien', 'individual', 0.3),
        ('chien-si-thi-dua-co-so', 'individual', 1.0),
        ('chien-si-thi-dua-cap-tinh', 'individual', 3.0),
        ('tap-the-lao-dong-tien-tien', 'collective', 0.8),
        ('tap-the-lao-dong-xuat-sac', 'collective', 1.5),
        ('thon-to-dan-pho-van-hoa', 'locality', 1.5),
        ('xa-tieu-bieu', 'locality', 2.0),
        ('giay-khen-chu-tich-xa', 'individual', 0.3),
        ('giay-khen-chu-tich-xa', 'household', 0.45)
     ) AS law(form_code, nominee_kind, coefficient)
CROSS JOIN (VALUES
        ('2025-07-01'::date, NULL::date, 'Nghị định 152/2025/NĐ-CP (mức tiền thưởng)', 'verified'),
        ('2024-01-01'::date, '2025-07-01'::date,
         'Nghị định 98/2023/NĐ-CP: giả định cùng hệ số như Nghị định 152/2025, chưa kiểm chứng', 'unverified')
     ) AS period(valid_from, valid_to, basis, verification)
UNION ALL
-- The district chairman's Giấy khen, until the district level ended: LAW.md gives no figure; the commune's is assumed.
SELECT 'giay-khen-chu-tich-huyen', kind, coefficient, '2024-01-01', '2025-07-01',
       'Nghị định 98/2023/NĐ-CP: giả định như Giấy khen của Chủ tịch UBND cấp xã, chưa kiểm chứng', 'unverified'
FROM (VALUES ('individual', 0.3), ('household', 0.45)) AS g(kind, coefficient);

INSERT INTO base_salaries (amount, valid_from, valid_to, legal_basis, verification) VALUES
    (1490000, '2019-07-01', '2023-07-01', 'Nghị định 38/2019/NĐ-CP (không có trong LAW.md)', 'partly'),
    (1800000, '2023-07-01', '2024-07-01', 'Nghị định 24/2023/NĐ-CP (không có trong LAW.md)', 'partly'),
    (2340000, '2024-07-01', NULL, 'Nghị định 73/2024/NĐ-CP', 'verified');

-- The rules on a day: the newest row in force wins if an administrator lets two overlap.
CREATE FUNCTION may_confer(level text, form text, day date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN EXISTS (SELECT FROM thidua.conferring_authorities a
                   WHERE a.level = may_confer.level AND a.form_code = form AND a.valid_from <= day
                     AND (a.valid_to IS NULL OR a.valid_to > day));

CREATE FUNCTION base_salary_on(day date) RETURNS thidua.base_salaries
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT * FROM thidua.base_salaries s WHERE s.valid_from <= day AND (s.valid_to IS NULL OR s.valid_to > day)
    ORDER BY s.valid_from DESC LIMIT 1;
END;

CREATE FUNCTION reward_coefficient_on(form text, kind text, day date) RETURNS thidua.reward_coefficients
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT * FROM thidua.reward_coefficients c
    WHERE c.form_code = form AND c.nominee_kind = kind AND c.valid_from <= day AND (c.valid_to IS NULL OR c.valid_to > day)
    ORDER BY c.valid_from DESC LIMIT 1;
END;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Holds: discipline, investigation, inspection, complaint (LAW.md) block commending and proposing a nominee
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

CREATE TABLE holds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    nominee_id uuid NOT NULL REFERENCES nominees,
    -- The nominee's unit, for the audit trail's record unit.
    unit_id uuid NOT NULL REFERENCES units,
    kind text NOT NULL CHECK (kind IN ('discipline', 'investigation', 'inspection', 'complaint')),
    starts_on date NOT NULL,
    -- The last day is the day before ends_on; NULL: until lifted.
    ends_on date,
    basis text NOT NULL CHECK (basis IS NFC NORMALIZED AND btrim(basis) <> ''),
    placed_by uuid NOT NULL REFERENCES users,
    placed_at timestamptz NOT NULL DEFAULT now(),
    lifted_on date,
    lifted_by uuid REFERENCES users,
    lift_reason text CHECK (lift_reason IS NFC NORMALIZED AND btrim(lift_reason) <> ''),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (ends_on IS NULL OR ends_on > starts_on),
    CHECK ((lifted_on IS NULL) = (lifted_by IS NULL) AND (lifted_on IS NULL) = (lift_reason IS NULL))
);
CREATE INDEX holds_nominee ON holds (nominee_id);
COMMENT ON TABLE holds IS 'Kỷ luật, điều tra, thanh tra, khiếu nại: no commendation and no proposal while one is in force (LAW.md).';

-- The kind of the hold on `nominee` in force on `day`, or NULL.
CREATE FUNCTION hold_on(nominee uuid, day date) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN (SELECT h.kind FROM thidua.holds h
            WHERE h.nominee_id = nominee AND h.starts_on <= day AND (h.ends_on IS NULL OR h.ends_on > day)
              AND (h.lifted_on IS NULL OR h.lifted_on > day)
            ORDER BY h.starts_on LIMIT 1);

CREATE FUNCTION guard_hold() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'the secretariat places and lifts holds' USING ERRCODE = 'TD008';
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT n.area_id, n.unit_id INTO NEW.area_id, NEW.unit_id FROM thidua.nominees n WHERE n.id = NEW.nominee_id;
        IF NEW.lifted_on IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a hold is placed in force' USING ERRCODE = 'TD006';
        END IF;
        NEW.placed_by := actor;
        NEW.placed_at := now();
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.area_id, NEW.nominee_id, NEW.unit_id, NEW.kind, NEW.starts_on, NEW.ends_on, NEW.basis, NEW.placed_by, NEW.placed_at)
       IS DISTINCT FROM (OLD.id, OLD.area_id, OLD.nominee_id, OLD.unit_id, OLD.kind, OLD.starts_on, OLD.ends_on, OLD.basis, OLD.placed_by, OLD.placed_at)
       OR OLD.lifted_on IS NOT NULL OR NEW.lifted_on IS NULL OR NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'a hold is lifted once, with its reason; nothing else about it changes' USING ERRCODE = 'TD006';
    END IF;
    NEW.lifted_by := actor;
    RETURN NEW;
END
$$;
CREATE TRIGGER holds_guard BEFORE INSERT OR UPDATE ON holds FOR EACH ROW EXECUTE FUNCTION guard_hold();

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Series, decisions, items, commendation records
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- An issuing body's register of one kind of document: "123/QĐ-UBND" is number 123 of the series whose suffix
-- is QĐ-UBND, in the year of its date. A deployment's rows (seed/): the issuer is the body's decision-maker level.
CREATE TABLE decision_series (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    document_kind text NOT NULL CHECK (document_kind IN ('decision', 'proposal')),
    issuing_body text NOT NULL CHECK (issuing_body IS NFC NORMALIZED AND btrim(issuing_body) <> ''),
    issuer_level text NOT NULL CHECK (issuer_level IN ('province_chairman', 'district_chairman', 'commune_chairman')),
    suffix text NOT NULL CHECK (suffix IS NFC NORMALIZED AND suffix ~ '^[^/ ]+$'),
    -- The place on the date line ("Tủa Chùa, ngày … tháng … năm …").
    place text NOT NULL CHECK (place IS NFC NORMALIZED AND btrim(place) <> ''),
    valid_from date NOT NULL,
    valid_to date,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (area_id, code),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

-- The last number taken in a series and year; written only by guard_decision when a decision is signed.
CREATE TABLE decision_numbers (
    series_id uuid NOT NULL REFERENCES decision_series,
    year integer NOT NULL CHECK (year BETWEEN 1945 AND 9999),
    last_number integer NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (series_id, year)
);

CREATE TABLE decisions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    series_id uuid NOT NULL REFERENCES decision_series,
    kind text NOT NULL CHECK (kind IN ('commendation', 'proposal', 'revocation')),
    -- The date the document bears: the day it is signed, or an earlier day when a paper decision is entered.
    decided_on date NOT NULL,
    subject text NOT NULL CHECK (subject IS NFC NORMALIZED AND btrim(subject) <> ''),
    legal_bases text[] NOT NULL CHECK (cardinality(legal_bases) > 0 AND array_to_string(legal_bases, E'\n') IS NFC NORMALIZED
                                       AND NOT ('' = ANY (legal_bases))),
    -- A proposal's addressee: the level that may confer what it asks for.
    addressed_to text CHECK (addressed_to IN ('province_chairman', 'district_chairman', 'commune_chairman')),
    -- A revocation's target and why (false records, unlawful appraisal, criteria not met: Law chapter VII).
    revokes_decision_id uuid REFERENCES decisions,
    revocation_reason text CHECK (revocation_reason IS NFC NORMALIZED AND btrim(revocation_reason) <> ''),
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'returned', 'signed', 'revoked')),
    return_reason text CHECK (return_reason IS NFC NORMALIZED AND btrim(return_reason) <> ''),
    drafted_by uuid NOT NULL REFERENCES users,
    drafted_at timestamptz NOT NULL DEFAULT now(),
    -- Set by the signing (guard_decision): the number, the signer, the chairman they signed for under KT.
    year integer,
    number integer CHECK (number > 0),
    signed_by uuid REFERENCES users,
    signed_for uuid REFERENCES users,
    signed_as text CHECK (signed_as IN ('in_person', 'KT')),
    signed_at timestamptz,
    signed_xact xid8,
    revoked_by_decision_id uuid REFERENCES decisions,
    revoked_at timestamptz,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (series_id, year, number),
    CHECK ((kind = 'proposal') = (addressed_to IS NOT NULL)),
    CHECK ((kind = 'revocation') = (revokes_decision_id IS NOT NULL) AND (kind = 'revocation') = (revocation_reason IS NOT NULL)),
    CHECK ((state IN ('signed', 'revoked')) = (number IS NOT NULL)),
    CHECK ((number IS NULL) = (year IS NULL) AND (number IS NULL) = (signed_by IS NULL) AND (number IS NULL) = (signed_at IS NULL)
           AND (number IS NULL) = (signed_as IS NULL) AND (number IS NULL) = (signed_xact IS NULL)),
    CHECK ((signed_as = 'KT') = (signed_for IS NOT NULL)),
    CHECK ((state = 'revoked') = (revoked_by_decision_id IS NOT NULL) AND (state = 'revoked') = (revoked_at IS NOT NULL))
);
CREATE INDEX decisions_area_state ON decisions (area_id, state);
CREATE UNIQUE INDEX decisions_one_revocation ON decisions (revokes_decision_id) WHERE state IN ('signed', 'revoked');

-- One line of a decision: a nomination, the form conferred (or proposed) and its type, the reward with the
-- coefficient and base salary it was computed from. A proposal's item also keeps the higher level's answer.
CREATE TABLE decision_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    decision_id uuid NOT NULL REFERENCES decisions,
    nomination_id uuid NOT NULL REFERENCES nominations,
    area_id text NOT NULL REFERENCES areas,
    -- Copied from the nomination by guard_decision_item: who, from which unit, for which achievement.
    unit_id uuid NOT NULL REFERENCES units,
    nominee_id uuid NOT NULL REFERENCES nominees,
    nominee_kind text NOT NULL,
    nominee_name text NOT NULL,
    round_id uuid NOT NULL REFERENCES rounds,
    movement_id uuid NOT NULL REFERENCES movements,
    form_code text NOT NULL REFERENCES commendation_forms,
    type_code text NOT NULL REFERENCES commendation_types,
    coefficient numeric(6, 3),
    base_salary bigint,
    amount bigint,
    added_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    removed_at timestamptz,
    answer text CHECK (answer IN ('granted', 'refused')),
    answer_reference text CHECK (answer_reference IS NFC NORMALIZED AND btrim(answer_reference) <> ''),
    answered_on date,
    answered_by uuid REFERENCES users,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((coefficient IS NULL) = (base_salary IS NULL) AND (coefficient IS NULL) = (amount IS NULL)),
    CHECK (amount = round(coefficient * base_salary)),
    CHECK ((answer IS NULL) = (answered_on IS NULL) AND (answer IS NULL) = (answered_by IS NULL)
           AND (answer IS NULL) = (answer_reference IS NULL))
);
CREATE INDEX decision_items_decision ON decision_items (decision_id);
CREATE INDEX decision_items_nomination ON decision_items (nomination_id);
-- One achievement (the nominee's work in a movement over a round) is commended once, in one form (LAW.md):
-- taken by a live item of any decision or proposal; given back by its removal from a draft or the higher
-- level's refusal. Revoked decisions keep theirs: an achievement found false is not commended again.
CREATE UNIQUE INDEX decision_items_one_per_achievement ON decision_items (nominee_id, round_id, movement_id)
    WHERE removed_at IS NULL AND answer IS DISTINCT FROM 'refused';

-- What a nominee holds: created by a signed decision's items (or a proposal's granted ones), revoked by a
-- revocation, never deleted. The year is the round's: the year the achievement is for (consecutive-year rules).
CREATE TABLE commendation_records (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    nominee_id uuid NOT NULL REFERENCES nominees,
    nominee_name text NOT NULL,
    decision_item_id uuid NOT NULL UNIQUE REFERENCES decision_items,
    decision_id uuid NOT NULL REFERENCES decisions,
    year integer NOT NULL,
    form_code text NOT NULL REFERENCES commendation_forms,
    type_code text NOT NULL REFERENCES commendation_types,
    conferred_by text NOT NULL,
    conferred_on date NOT NULL,
    -- "12/QĐ-UBND", or the higher level's decision for a granted proposal.
    reference text NOT NULL,
    amount bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    revoked_by_decision_id uuid REFERENCES decisions,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK ((revoked_at IS NULL) = (revoked_by_decision_id IS NULL))
);
CREATE INDEX commendation_records_nominee ON commendation_records (nominee_id, year);

-- Public notice before a commendation where the form requires it (commendation_forms.notice_working_days):
-- the secretariat opens it for a nomination on a channel (the district's portal, the commune's notice board),
-- the nomination waits out the period, objections and comments are recorded as they arrive (by the
-- secretariat, or by the nomination's own unit where it is posted at its seat), and the secretariat closes it
-- with an outcome once it has run. A nomination does not go before the council while a notice of it runs or
-- after one ended with an objection upheld (guard_council_item_notice), and is signed only after the form's
-- notice ended without one (check_decision_item). Nominations carry no form, so the notice is what names it:
-- a nomination for a form that needs a notice but has none is stopped at signing, not at the council.
CREATE TABLE public_notices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    nomination_id uuid NOT NULL REFERENCES nominations,
    unit_id uuid NOT NULL REFERENCES units,
    form_code text NOT NULL REFERENCES commendation_forms,
    channel text NOT NULL CHECK (channel IS NFC NORMALIZED AND btrim(channel) <> ''),
    starts_on date NOT NULL,
    -- The first day after the period: starts_on plus the form's working days (Monday to Friday).
    ends_on date NOT NULL,
    outcome text CHECK (outcome IN ('no_objection', 'objections_dismissed', 'objections_upheld')),
    closed_by uuid REFERENCES users,
    opened_by uuid NOT NULL REFERENCES users,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    CHECK (ends_on > starts_on),
    CHECK ((outcome IS NULL) = (closed_by IS NULL))
);
CREATE INDEX public_notices_nomination ON public_notices (nomination_id);
-- One running notice per nomination and form: a second would let the first's objections be sidestepped.
CREATE UNIQUE INDEX public_notices_one_running ON public_notices (nomination_id, form_code) WHERE outcome IS NULL;

CREATE TABLE notice_objections (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    notice_id uuid NOT NULL REFERENCES public_notices,
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    -- An objection (phản ánh) must be settled before the notice closes; a comment (góp ý) is kept, not settled.
    kind text NOT NULL DEFAULT 'objection' CHECK (kind IN ('objection', 'comment')),
    -- Who raised it, as they gave it: a citizen's name, an organisation, "ý kiến không ký tên".
    objector text NOT NULL CHECK (objector IS NFC NORMALIZED AND btrim(objector) <> ''),
    received_on date NOT NULL,
    content text NOT NULL CHECK (content IS NFC NORMALIZED AND btrim(content) <> ''),
    recorded_by uuid NOT NULL REFERENCES users,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notice_objections_notice ON notice_objections (notice_id);

-- `day` plus `count` working days (Monday to Friday; public holidays are not modelled).
CREATE FUNCTION add_working_days(day date, count integer) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT d::date FROM generate_series((day + 1)::timestamp, (day + count * 2 + 14)::timestamp, interval '1 day') d
            WHERE extract(isodow FROM d) < 6 ORDER BY d OFFSET count - 1 LIMIT 1) + 1;

-- Whether the nomination may be commended in `form` on `day`: no objection to it was ever upheld, and the form
-- needs no notice or one ended by then without an objection upheld.
CREATE FUNCTION notice_satisfied(nomination uuid, form text, day date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN NOT EXISTS (SELECT FROM thidua.public_notices p WHERE p.nomination_id = nomination AND p.outcome = 'objections_upheld')
        AND (NOT EXISTS (SELECT FROM thidua.commendation_forms f WHERE f.code = form AND f.notice_working_days IS NOT NULL)
             OR EXISTS (SELECT FROM thidua.public_notices p
                        WHERE p.nomination_id = nomination AND p.form_code = form AND p.ends_on <= day
                          AND p.outcome IN ('no_objection', 'objections_dismissed')));

-- Whether a notice of the nomination still runs (not closed) or ended with an objection upheld: then it does
-- not go before the council.
CREATE FUNCTION notice_holds_back(nomination uuid) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN EXISTS (SELECT FROM thidua.public_notices p
                   WHERE p.nomination_id = nomination AND (p.outcome IS NULL OR p.outcome = 'objections_upheld'));

CREATE FUNCTION guard_public_notice() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    days integer;
    state text;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'the secretariat runs public notices' USING ERRCODE = 'TD008';
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT f.notice_working_days INTO days FROM thidua.commendation_forms f WHERE f.code = NEW.form_code;
        IF days IS NULL THEN
            RAISE EXCEPTION 'the form % needs no public notice', NEW.form_code USING ERRCODE = '23514';
        END IF;
        SELECT n.area_id, n.unit_id, n.state INTO NEW.area_id, NEW.unit_id, state
        FROM thidua.nominations n WHERE n.id = NEW.nomination_id;
        -- Between submission and the decision: a draft is not yet a candidate, a closed file is no longer one.
        IF state NOT IN ('submitted', 'endorsed', 'verified', 'in_review', 'approved') THEN
            RAISE EXCEPTION 'a notice is opened for a nomination under review, not one that is %', state
                USING ERRCODE = 'TD037', DETAIL = 'state=' || state;
        END IF;
        IF EXISTS (SELECT FROM thidua.public_notices p WHERE p.nomination_id = NEW.nomination_id AND p.outcome = 'objections_upheld') THEN
            RAISE EXCEPTION 'an objection to this nomination was upheld: it does not proceed' USING ERRCODE = 'TD035';
        END IF;
        IF NEW.outcome IS NOT NULL OR NEW.version <> 1 THEN
            RAISE EXCEPTION 'a notice opens without an outcome' USING ERRCODE = 'TD006';
        END IF;
        -- The law's period is a minimum: a notice may be posted for longer, never shorter.
        IF NEW.ends_on IS NULL THEN
            NEW.ends_on := thidua.add_working_days(NEW.starts_on, days);
        ELSIF NEW.ends_on < thidua.add_working_days(NEW.starts_on, days) THEN
            RAISE EXCEPTION 'the form % needs % working days of notice', NEW.form_code, days
                USING ERRCODE = '23514', CONSTRAINT = 'public_notices_period';
        END IF;
        NEW.opened_by := actor;
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.area_id, NEW.nomination_id, NEW.unit_id, NEW.form_code, NEW.channel, NEW.starts_on, NEW.ends_on, NEW.opened_by)
       IS DISTINCT FROM (OLD.id, OLD.area_id, OLD.nomination_id, OLD.unit_id, OLD.form_code, OLD.channel, OLD.starts_on, OLD.ends_on, OLD.opened_by)
       OR OLD.outcome IS NOT NULL OR NEW.outcome IS NULL OR NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'a notice is closed once with its outcome; nothing else about it changes' USING ERRCODE = 'TD006';
    END IF;
    IF current_date < OLD.ends_on THEN
        RAISE EXCEPTION 'the notice runs until %', OLD.ends_on USING ERRCODE = 'TD035';
    END IF;
    IF NEW.outcome = 'no_objection' AND EXISTS (SELECT FROM thidua.notice_objections o WHERE o.notice_id = NEW.id AND o.kind = 'objection') THEN
        RAISE EXCEPTION 'objections were received: the outcome says how they were settled'
            USING ERRCODE = '23514', CONSTRAINT = 'public_notices_outcome';
    END IF;
    IF NEW.outcome <> 'no_objection' AND NOT EXISTS (SELECT FROM thidua.notice_objections o WHERE o.notice_id = NEW.id AND o.kind = 'objection') THEN
        RAISE EXCEPTION 'no objection was received to settle' USING ERRCODE = '23514', CONSTRAINT = 'public_notices_outcome';
    END IF;
    NEW.closed_by := actor;
    RETURN NEW;
END
$$;
CREATE TRIGGER public_notices_guard BEFORE INSERT OR UPDATE ON public_notices FOR EACH ROW EXECUTE FUNCTION guard_public_notice();

CREATE FUNCTION guard_notice_objection() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    notice thidua.public_notices;
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO notice FROM thidua.public_notices p WHERE p.id = NEW.notice_id;
    IF notice.id IS NULL THEN
        RAISE EXCEPTION 'no such notice' USING ERRCODE = '23503', CONSTRAINT = 'notice_objections_notice_id_fkey';
    END IF;
    IF notice.outcome IS NOT NULL THEN
        RAISE EXCEPTION 'the notice is closed' USING ERRCODE = 'TD036';
    END IF;
    IF NEW.received_on < notice.starts_on THEN
        RAISE EXCEPTION 'received before the notice was posted' USING ERRCODE = '23514', CONSTRAINT = 'notice_objections_received_on';
    END IF;
    NEW.area_id := notice.area_id;
    NEW.unit_id := notice.unit_id;
    NEW.recorded_by := thidua.actor_id();
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER notice_objections_guard BEFORE INSERT ON notice_objections FOR EACH ROW EXECUTE FUNCTION guard_notice_objection();

-- The council's side of the gate: a session opens only over nominations no notice holds back. A trigger of
-- its own on 0009's table, so the council's guard stays about the council.
CREATE FUNCTION guard_council_item_notice() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF thidua.notice_holds_back(NEW.nomination_id) THEN
        RAISE EXCEPTION 'a public notice of the nomination runs, or ended with an objection upheld' USING ERRCODE = 'TD035';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER council_session_items_notice BEFORE INSERT ON council_session_items
    FOR EACH ROW EXECUTE FUNCTION guard_council_item_notice();

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Guards
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- Whether an item may stand in `decision` on its date: the achievement free, no hold, the form within the
-- signer's power (a commendation) or within the addressee's and beyond the issuer's (a proposal), the notice
-- waited out. Raised as TD030–TD032, TD035; run when an item is added and again, for all items, at signing.
CREATE FUNCTION check_decision_item(decision thidua.decisions, item thidua.decision_items, at_signing boolean) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    issuer text := (SELECT s.issuer_level FROM thidua.decision_series s WHERE s.id = decision.series_id);
    held text := thidua.hold_on(item.nominee_id, decision.decided_on);
BEGIN
    IF held IS NOT NULL THEN
        RAISE EXCEPTION '% is under a hold (%) on %', item.nominee_name, held, decision.decided_on
            USING ERRCODE = 'TD031', DETAIL = 'kind=' || held;
    END IF;
    IF decision.kind = 'commendation' AND NOT thidua.may_confer(issuer, item.form_code, decision.decided_on) THEN
        RAISE EXCEPTION 'the % may not confer % on %', issuer, item.form_code, decision.decided_on
            USING ERRCODE = 'TD030', DETAIL = 'form=' || item.form_code;
    END IF;
    IF decision.kind = 'proposal' AND (NOT thidua.may_confer(decision.addressed_to, item.form_code, decision.decided_on)
                                       OR thidua.may_confer(issuer, item.form_code, decision.decided_on)) THEN
        RAISE EXCEPTION 'a proposal asks the % for what only it confers: not %', decision.addressed_to, item.form_code
            USING ERRCODE = 'TD030', DETAIL = 'form=' || item.form_code;
    END IF;
    IF EXISTS (SELECT FROM thidua.decision_items o
               WHERE o.nominee_id = item.nominee_id AND o.round_id = item.round_id AND o.movement_id = item.movement_id
                 AND o.id <> item.id AND o.removed_at IS NULL AND o.answer IS DISTINCT FROM 'refused') THEN
        RAISE EXCEPTION 'the achievement of % is commended or proposed already', item.nominee_name USING ERRCODE = 'TD032';
    END IF;
    IF at_signing AND NOT thidua.notice_satisfied(item.nomination_id, item.form_code, decision.decided_on) THEN
        RAISE EXCEPTION 'the public notice for % has not ended without objection', item.nominee_name USING ERRCODE = 'TD035';
    END IF;
END
$$;

-- A decision is drafted by the secretariat, sent back or signed by the chairman (in person or under a KT
-- delegation), and then never changes but for the bookkeeping of a revocation.
CREATE FUNCTION guard_decision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    roles text[] := thidua.actor_roles();
    delegator uuid := thidua.setting('on_behalf_of')::uuid;
    series thidua.decision_series;
    target thidua.decisions;
    item thidua.decision_items;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decisions are never deleted' USING ERRCODE = 'TD033', DETAIL = 'state=' || OLD.state;
    END IF;
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO series FROM thidua.decision_series s WHERE s.id = NEW.series_id;

    IF TG_OP = 'INSERT' THEN
        IF NOT 'secretariat' = ANY (roles) THEN
            RAISE EXCEPTION 'the secretariat drafts decisions' USING ERRCODE = 'TD008';
        END IF;
        IF NEW.state <> 'draft' OR NEW.version <> 1 OR NEW.number IS NOT NULL OR NEW.drafted_by IS DISTINCT FROM actor
           OR NEW.return_reason IS NOT NULL OR NEW.revoked_by_decision_id IS NOT NULL THEN
            RAISE EXCEPTION 'a decision starts as a draft of the one who drafts it' USING ERRCODE = 'TD006';
        END IF;
        IF series.area_id IS DISTINCT FROM NEW.area_id
           OR (series.document_kind = 'proposal') <> (NEW.kind = 'proposal') THEN
            RAISE EXCEPTION 'the series is not of the decision''s area and kind' USING ERRCODE = '23514';
        END IF;
        IF NEW.decided_on > current_date OR NEW.decided_on < series.valid_from
           OR (series.valid_to IS NOT NULL AND NEW.decided_on >= series.valid_to) THEN
            RAISE EXCEPTION 'the date % is in the future or outside the series'' validity', NEW.decided_on USING ERRCODE = '23514';
        END IF;
        IF NEW.kind = 'revocation' THEN
            SELECT * INTO target FROM thidua.decisions d WHERE d.id = NEW.revokes_decision_id;
            IF target.state IS DISTINCT FROM 'signed' OR target.kind <> 'commendation' OR target.area_id <> NEW.area_id THEN
                RAISE EXCEPTION 'only a signed commendation decision of the area is revoked' USING ERRCODE = 'TD002';
            END IF;
        END IF;
        NEW.drafted_at := now();
        RETURN NEW;
    END IF;

    IF (NEW.id, NEW.area_id, NEW.series_id, NEW.kind, NEW.decided_on, NEW.addressed_to, NEW.revokes_decision_id,
        NEW.revocation_reason, NEW.drafted_by, NEW.drafted_at)
       IS DISTINCT FROM (OLD.id, OLD.area_id, OLD.series_id, OLD.kind, OLD.decided_on, OLD.addressed_to, OLD.revokes_decision_id,
        OLD.revocation_reason, OLD.drafted_by, OLD.drafted_at)
       AND OLD.state IN ('draft', 'returned') THEN
        RAISE EXCEPTION 'a decision''s kind, series, date and target never change' USING ERRCODE = 'TD006';
    END IF;

    IF OLD.state IN ('signed', 'revoked') THEN
        -- The one change a signed decision admits: marked revoked by the signed revocation that names it.
        IF OLD.state = 'signed' AND NEW.state = 'revoked' AND NEW.version = OLD.version + 1
           AND (to_jsonb(NEW) - ARRAY['state', 'revoked_by_decision_id', 'revoked_at', 'version'])
               = (to_jsonb(OLD) - ARRAY['state', 'revoked_by_decision_id', 'revoked_at', 'version'])
           AND EXISTS (SELECT FROM thidua.decisions r
                       WHERE r.id = NEW.revoked_by_decision_id AND r.kind = 'revocation' AND r.revokes_decision_id = OLD.id
                         AND r.state = 'signed') THEN
            NEW.revoked_at := now();
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'decision % is %: it never changes', OLD.id, OLD.state USING ERRCODE = 'TD033', DETAIL = 'state=' || OLD.state;
    END IF;

    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'version must advance by one' USING ERRCODE = 'TD006';
    END IF;
    IF NEW.revoked_by_decision_id IS NOT NULL OR NEW.state = 'revoked' THEN
        RAISE EXCEPTION 'only a signed decision is revoked' USING ERRCODE = 'TD002';
    END IF;

    IF NEW.state = OLD.state THEN
        -- An edit of the subject or the bases, by the secretariat, while the decision is being prepared.
        IF NOT 'secretariat' = ANY (roles) OR NEW.number IS NOT NULL OR NEW.return_reason IS DISTINCT FROM OLD.return_reason THEN
            RAISE EXCEPTION 'the secretariat edits a draft''s subject and bases' USING ERRCODE = 'TD002';
        END IF;
        RETURN NEW;
    ELSIF OLD.state = 'returned' AND NEW.state = 'draft' THEN
        IF NOT 'secretariat' = ANY (roles) OR NEW.number IS NOT NULL THEN
            RAISE EXCEPTION 'the secretariat puts a returned decision up again' USING ERRCODE = 'TD002';
        END IF;
        RETURN NEW;
    ELSIF OLD.state = 'draft' AND NEW.state = 'returned' THEN
        IF NOT 'chairman' = ANY (roles) OR NEW.number IS NOT NULL THEN
            RAISE EXCEPTION 'the chairman sends a draft back' USING ERRCODE = 'TD002';
        END IF;
        IF thidua.setting('reason') IS NULL THEN
            RAISE EXCEPTION 'sending a decision back needs a reason' USING ERRCODE = 'TD004';
        END IF;
        NEW.return_reason := thidua.setting('reason');
        RETURN NEW;
    ELSIF NOT (OLD.state = 'draft' AND NEW.state = 'signed') THEN
        RAISE EXCEPTION 'no transition from % to %', OLD.state, NEW.state USING ERRCODE = 'TD002';
    END IF;

    -- Signing: the chairman in person, or a deputy holding the chairman's KT delegation (ký thay).
    IF thidua.setting('actor_role') IS DISTINCT FROM 'chairman' OR NOT 'chairman' = ANY (roles) THEN
        RAISE EXCEPTION 'the chairman signs decisions' USING ERRCODE = 'TD008';
    END IF;
    IF delegator IS NULL THEN
        IF NOT EXISTS (SELECT FROM thidua.role_grants g WHERE g.user_id = actor AND g.role = 'chairman' AND g.revoked_at IS NULL) THEN
            RAISE EXCEPTION 'a deputy signs for the chairman (KT.), never as the chairman' USING ERRCODE = 'TD008';
        END IF;
        NEW.signed_as := 'in_person';
    ELSE
        IF NOT EXISTS (SELECT FROM thidua.delegations d
                       WHERE d.delegator_id = delegator AND d.delegate_id = actor AND d.role = 'chairman' AND d.style = 'KT'
                         AND d.revoked_at IS NULL AND now() >= d.valid_from AND now() < d.valid_to) THEN
            RAISE EXCEPTION 'a decision is signed for the chairman only under a ký thay (KT) delegation' USING ERRCODE = 'TD008';
        END IF;
        NEW.signed_as := 'KT';
    END IF;
    NEW.signed_by := actor;
    NEW.signed_for := delegator;
    NEW.signed_at := now();
    NEW.signed_xact := pg_current_xact_id();
    NEW.return_reason := NULL;

    IF NEW.kind = 'revocation' THEN
        IF NOT EXISTS (SELECT FROM thidua.decisions d WHERE d.id = NEW.revokes_decision_id AND d.state = 'signed') THEN
            RAISE EXCEPTION 'the decision to revoke is no longer signed (revoked already?)' USING ERRCODE = 'TD002';
        END IF;
    ELSE
        IF NOT EXISTS (SELECT FROM thidua.decision_items i WHERE i.decision_id = NEW.id AND i.removed_at IS NULL) THEN
            RAISE EXCEPTION 'a decision without items is not signed' USING ERRCODE = '23514';
        END IF;
        FOR item IN SELECT * FROM thidua.decision_items i WHERE i.decision_id = NEW.id AND i.removed_at IS NULL LOOP
            IF NOT EXISTS (SELECT FROM thidua.nominations n WHERE n.id = item.nomination_id AND n.state = 'approved') THEN
                RAISE EXCEPTION 'the nomination of % is no longer approved', item.nominee_name USING ERRCODE = 'TD002';
            END IF;
            PERFORM thidua.check_decision_item(NEW, item, true);
        END LOOP;
    END IF;

    -- The number: the series' next in the year of the date, under the counter row's lock until commit.
    NEW.year := extract(year FROM NEW.decided_on)::integer;
    INSERT INTO thidua.decision_numbers AS c (series_id, year, last_number) VALUES (NEW.series_id, NEW.year, 1)
    ON CONFLICT (series_id, year) DO UPDATE SET last_number = c.last_number + 1
    RETURNING c.last_number INTO NEW.number;
    RETURN NEW;
END
$$;
CREATE TRIGGER decisions_guard BEFORE INSERT OR UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION guard_decision();

-- The counter moves only by one, and only inside a signing (guard_decision is one trigger level up).
CREATE FUNCTION guard_decision_number() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF pg_trigger_depth() < 2 OR TG_OP = 'DELETE'
       OR (TG_OP = 'INSERT' AND NEW.last_number <> 1)
       OR (TG_OP = 'UPDATE' AND ((NEW.series_id, NEW.year) IS DISTINCT FROM (OLD.series_id, OLD.year) OR NEW.last_number <> OLD.last_number + 1)) THEN
        RAISE EXCEPTION 'a decision number is taken only by signing a decision' USING ERRCODE = 'TD002';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER decision_numbers_guard BEFORE INSERT OR UPDATE OR DELETE ON decision_numbers
    FOR EACH ROW EXECUTE FUNCTION guard_decision_number();

-- Items are added and removed while the decision is prepared; a signed decision's items never change, but a
-- proposal's record the higher level's answer once.
CREATE FUNCTION guard_decision_item() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    decision thidua.decisions;
    nomination thidua.nominations;
    form thidua.commendation_forms;
    rule thidua.reward_coefficients;
    salary thidua.base_salaries;
BEGIN
    SELECT * INTO decision FROM thidua.decisions d WHERE d.id = coalesce(NEW.decision_id, OLD.decision_id);
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decision items are never deleted' USING ERRCODE = 'TD033', DETAIL = 'state=' || decision.state;
    END IF;
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF NOT 'secretariat' = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'the secretariat prepares a decision''s items' USING ERRCODE = 'TD008';
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF decision.state NOT IN ('draft', 'returned') THEN
            RAISE EXCEPTION 'decision % is %: it never changes', decision.id, decision.state
                USING ERRCODE = 'TD033', DETAIL = 'state=' || decision.state;
        END IF;
        IF decision.kind = 'revocation' THEN
            RAISE EXCEPTION 'a revocation has no items: it names the decision it cancels' USING ERRCODE = '23514';
        END IF;
        SELECT * INTO nomination FROM thidua.nominations n WHERE n.id = NEW.nomination_id;
        IF nomination.state IS DISTINCT FROM 'approved' OR nomination.area_id <> decision.area_id THEN
            RAISE EXCEPTION 'only a nomination the council approved goes into a decision (it is %)', nomination.state
                USING ERRCODE = 'TD002';
        END IF;
        SELECT * INTO form FROM thidua.commendation_forms f WHERE f.code = NEW.form_code;
        IF NOT nomination.nominee_kind = ANY (form.nominee_kinds) THEN
            RAISE EXCEPTION '% is not conferred on a % nominee', form.name, nomination.nominee_kind USING ERRCODE = '23514';
        END IF;
        NEW.area_id := nomination.area_id;
        NEW.unit_id := nomination.unit_id;
        NEW.nominee_id := nomination.nominee_id;
        NEW.nominee_kind := nomination.nominee_kind;
        NEW.nominee_name := nomination.nominee_name;
        NEW.round_id := nomination.round_id;
        NEW.movement_id := nomination.movement_id;
        -- clock_timestamp(), not now(): items drafted in one transaction keep the order they were listed in.
        NEW.added_at := clock_timestamp();
        NEW.removed_at := NULL;
        NEW.answer := NULL;
        NEW.answer_reference := NULL;
        NEW.answered_on := NULL;
        NEW.answered_by := NULL;
        NEW.version := 1;
        -- A commendation's reward on the decision's date; a proposal's is the higher level's to set.
        NEW.coefficient := NULL;
        NEW.base_salary := NULL;
        NEW.amount := NULL;
        IF decision.kind = 'commendation' THEN
            rule := thidua.reward_coefficient_on(NEW.form_code, NEW.nominee_kind, decision.decided_on);
            IF rule.id IS NOT NULL THEN
                salary := thidua.base_salary_on(decision.decided_on);
                IF salary.id IS NULL THEN
                    RAISE EXCEPTION 'no base salary in force on %', decision.decided_on USING ERRCODE = 'TD034';
                END IF;
                NEW.coefficient := rule.coefficient;
                NEW.base_salary := salary.amount;
                NEW.amount := round(rule.coefficient * salary.amount);
            END IF;
        END IF;
        PERFORM thidua.check_decision_item(decision, NEW, false);
        RETURN NEW;
    END IF;

    IF (to_jsonb(NEW) - ARRAY['removed_at', 'answer', 'answer_reference', 'answered_on', 'answered_by', 'version'])
       IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['removed_at', 'answer', 'answer_reference', 'answered_on', 'answered_by', 'version'])
       OR NEW.version <> OLD.version + 1 THEN
        IF decision.state IN ('signed', 'revoked') THEN
            RAISE EXCEPTION 'decision % is %: it never changes', decision.id, decision.state
                USING ERRCODE = 'TD033', DETAIL = 'state=' || decision.state;
        END IF;
        RAISE EXCEPTION 'an item is removed or answered; nothing else about it changes' USING ERRCODE = 'TD006';
    END IF;
    IF NEW.removed_at IS DISTINCT FROM OLD.removed_at THEN
        IF decision.state NOT IN ('draft', 'returned') THEN
            RAISE EXCEPTION 'decision % is %: it never changes', decision.id, decision.state
                USING ERRCODE = 'TD033', DETAIL = 'state=' || decision.state;
        END IF;
        IF OLD.removed_at IS NOT NULL OR (NEW.answer, NEW.answered_on) IS DISTINCT FROM (OLD.answer, OLD.answered_on) THEN
            RAISE EXCEPTION 'an item is removed once' USING ERRCODE = 'TD006';
        END IF;
        NEW.removed_at := now();
        RETURN NEW;
    END IF;
    -- The higher level's answer to a signed proposal, once.
    IF decision.kind <> 'proposal' OR decision.state <> 'signed' OR OLD.answer IS NOT NULL OR NEW.answer IS NULL
       OR OLD.removed_at IS NOT NULL THEN
        RAISE EXCEPTION 'decision % is %: only a signed proposal''s items record the answer, once', decision.id, decision.state
            USING ERRCODE = 'TD033', DETAIL = 'state=' || decision.state;
    END IF;
    NEW.answered_by := thidua.actor_id();
    RETURN NEW;
END
$$;
CREATE TRIGGER decision_items_guard BEFORE INSERT OR UPDATE OR DELETE ON decision_items
    FOR EACH ROW EXECUTE FUNCTION guard_decision_item();

-- A commendation record is what a signed decision's item (or a granted proposal item) made of it, field for
-- field; it is revoked only by the signed revocation of its decision; never deleted.
CREATE FUNCTION guard_commendation_record() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    item thidua.decision_items;
    decision thidua.decisions;
    series thidua.decision_series;
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'commendation records are never deleted' USING ERRCODE = 'TD033', DETAIL = 'state=signed';
    END IF;
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT * INTO item FROM thidua.decision_items i WHERE i.id = NEW.decision_item_id;
        SELECT * INTO decision FROM thidua.decisions d WHERE d.id = item.decision_id;
        SELECT * INTO series FROM thidua.decision_series s WHERE s.id = decision.series_id;
        IF item.removed_at IS NOT NULL OR NOT (
            (decision.kind = 'commendation' AND decision.state = 'signed')
            OR (decision.kind = 'proposal' AND decision.state = 'signed' AND item.answer = 'granted')) THEN
            RAISE EXCEPTION 'a commendation record comes from a signed decision or a granted proposal' USING ERRCODE = 'TD002';
        END IF;
        NEW.area_id := item.area_id;
        NEW.unit_id := item.unit_id;
        NEW.nominee_id := item.nominee_id;
        NEW.nominee_name := item.nominee_name;
        NEW.decision_id := decision.id;
        NEW.year := (SELECT r.year FROM thidua.rounds r WHERE r.id = item.round_id);
        NEW.form_code := item.form_code;
        NEW.type_code := item.type_code;
        IF decision.kind = 'commendation' THEN
            NEW.conferred_by := series.issuer_level;
            NEW.conferred_on := decision.decided_on;
            NEW.reference := decision.number || '/' || series.suffix;
            NEW.amount := item.amount;
        ELSE
            NEW.conferred_by := decision.addressed_to;
            NEW.conferred_on := item.answered_on;
            NEW.reference := item.answer_reference;
            NEW.amount := NULL;
        END IF;
        NEW.created_at := now();
        NEW.revoked_at := NULL;
        NEW.revoked_by_decision_id := NULL;
        NEW.version := 1;
        RETURN NEW;
    END IF;
    IF (to_jsonb(NEW) - ARRAY['revoked_at', 'revoked_by_decision_id', 'version'])
       IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['revoked_at', 'revoked_by_decision_id', 'version'])
       OR OLD.revoked_at IS NOT NULL OR NEW.version <> OLD.version + 1
       OR NOT EXISTS (SELECT FROM thidua.decisions r
                      WHERE r.id = NEW.revoked_by_decision_id AND r.kind = 'revocation' AND r.revokes_decision_id = OLD.decision_id
                        AND r.state = 'signed') THEN
        RAISE EXCEPTION 'a commendation record is revoked only by the signed revocation of its decision'
            USING ERRCODE = 'TD033', DETAIL = 'state=signed';
    END IF;
    NEW.revoked_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER commendation_records_guard BEFORE INSERT OR UPDATE OR DELETE ON commendation_records
    FOR EACH ROW EXECUTE FUNCTION guard_commendation_record();

-- What signing does, in the signing transaction, each step audited under its own action: the nominations
-- decided and the commendation records made (a commendation), the nominations decided (a proposal: the
-- records come with the answers), or the target and its records revoked (a revocation).
CREATE FUNCTION carry_out_decision() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    action text := thidua.setting('action');
BEGIN
    IF NEW.kind = 'revocation' THEN
        PERFORM set_config('thidua.action', 'decision.revoked', true);
        UPDATE thidua.decisions SET state = 'revoked', revoked_by_decision_id = NEW.id, revoked_at = now(), version = version + 1
        WHERE id = NEW.revokes_decision_id AND state = 'signed';
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the decision to revoke is no longer signed' USING ERRCODE = 'TD002';
        END IF;
        PERFORM set_config('thidua.action', 'commendation.revoke', true);
        UPDATE thidua.commendation_records SET revoked_at = now(), revoked_by_decision_id = NEW.id, version = version + 1
        WHERE decision_id = NEW.revokes_decision_id AND revoked_at IS NULL;
    ELSE
        PERFORM set_config('thidua.action', 'nomination.decide', true);
        UPDATE thidua.nominations n SET state = 'decided', version = n.version + 1
        FROM thidua.decision_items i
        WHERE i.decision_id = NEW.id AND i.removed_at IS NULL AND n.id = i.nomination_id;
        IF NEW.kind = 'commendation' THEN
            PERFORM set_config('thidua.action', 'commendation.record', true);
            INSERT INTO thidua.commendation_records (area_id, unit_id, nominee_id, nominee_name, decision_item_id, decision_id, year,
                                                     form_code, type_code, conferred_by, conferred_on, reference)
            SELECT i.area_id, i.unit_id, i.nominee_id, i.nominee_name, i.id, i.decision_id, 0, i.form_code, i.type_code, '', NEW.decided_on, ''
            FROM thidua.decision_items i WHERE i.decision_id = NEW.id AND i.removed_at IS NULL
            ORDER BY i.added_at, i.id;
        END IF;
    END IF;
    PERFORM set_config('thidua.action', coalesce(action, ''), true);
    RETURN NULL;
END
$$;
CREATE TRIGGER decisions_carry_out AFTER UPDATE OF state ON decisions
    FOR EACH ROW WHEN (NEW.state = 'signed' AND OLD.state IS DISTINCT FROM 'signed') EXECUTE FUNCTION carry_out_decision();

-- A granted proposal item becomes the nominee's commendation record.
CREATE FUNCTION record_granted_proposal() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    INSERT INTO thidua.commendation_records (area_id, unit_id, nominee_id, nominee_name, decision_item_id, decision_id, year,
                                             form_code, type_code, conferred_by, conferred_on, reference)
    VALUES (NEW.area_id, NEW.unit_id, NEW.nominee_id, NEW.nominee_name, NEW.id, NEW.decision_id, 0, NEW.form_code, NEW.type_code,
            '', NEW.answered_on, '');
    RETURN NULL;
END
$$;
CREATE TRIGGER decision_items_granted AFTER UPDATE OF answer ON decision_items
    FOR EACH ROW WHEN (NEW.answer = 'granted' AND OLD.answer IS NULL) EXECUTE FUNCTION record_granted_proposal();

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Row-level security and privileges
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

ALTER TABLE commendation_forms ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE commendation_types ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE conferring_authorities ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE reward_coefficients ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE base_salaries ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE holds ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE decision_series ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE decision_numbers ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE decisions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE decision_items ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE commendation_records ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE public_notices ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE notice_objections ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The law: read by every acting user; changed by an administrator (a new row with its basis, or an end date).
CREATE POLICY the_law ON commendation_forms FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY the_law ON commendation_types FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY the_law ON conferring_authorities FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY the_law ON reward_coefficients FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY the_law ON base_salaries FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY admin_adds ON commendation_forms FOR INSERT WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_adds ON conferring_authorities FOR INSERT WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_adds ON reward_coefficients FOR INSERT WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_adds ON base_salaries FOR INSERT WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_ends ON conferring_authorities FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_ends ON reward_coefficients FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_ends ON base_salaries FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);

-- Holds are sensitive: the secretariat, auditors and the chairman (who signs) read them; the secretariat writes.
CREATE POLICY overseers_and_chairman ON holds FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) && ARRAY['secretariat', 'auditor', 'chairman']);
CREATE POLICY secretariat_places ON holds FOR INSERT WITH CHECK (
    EXISTS (SELECT FROM nominees n WHERE n.id = nominee_id AND n.area_id = (SELECT actor_area_as('secretariat'))));
CREATE POLICY secretariat_lifts ON holds FOR UPDATE
    USING (area_id = (SELECT actor_area_as('secretariat'))) WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));

CREATE POLICY read_own_area ON decision_series FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY admin_writes ON decision_series FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('admin')));
CREATE POLICY admin_edits ON decision_series FOR UPDATE
    USING (area_id = (SELECT actor_area_as('admin'))) WITH CHECK (area_id = (SELECT actor_area_as('admin')));

CREATE POLICY with_a_visible_series ON decision_numbers FOR SELECT
    USING (EXISTS (SELECT FROM decision_series s WHERE s.id = series_id));
CREATE POLICY chairman_takes ON decision_numbers FOR INSERT WITH CHECK (
    EXISTS (SELECT FROM decision_series s WHERE s.id = series_id AND s.area_id = (SELECT actor_area_as('chairman'))));
CREATE POLICY chairman_advances ON decision_numbers FOR UPDATE
    USING (EXISTS (SELECT FROM decision_series s WHERE s.id = series_id AND s.area_id = (SELECT actor_area_as('chairman'))))
    WITH CHECK (EXISTS (SELECT FROM decision_series s WHERE s.id = series_id AND s.area_id = (SELECT actor_area_as('chairman'))));

-- Drafts are the secretariat's, the chairman's and auditors'; a signed decision is a public act of the area.
CREATE POLICY drafts_to_preparers_signed_to_all ON decisions FOR SELECT USING (
    area_id = (SELECT actor_area_id())
    AND (state IN ('signed', 'revoked') OR (SELECT actor_roles()) && ARRAY['secretariat', 'auditor', 'chairman']));
CREATE POLICY secretariat_drafts ON decisions FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_as('secretariat')) AND drafted_by = (SELECT actor_id()));
-- Who may touch a decision; which change they may make is guard_decision's.
CREATE POLICY preparers_and_signer ON decisions FOR UPDATE
    USING (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) && ARRAY['secretariat', 'chairman'])
    WITH CHECK (area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) && ARRAY['secretariat', 'chairman']);

CREATE POLICY with_a_visible_decision ON decision_items FOR SELECT
    USING (EXISTS (SELECT FROM decisions d WHERE d.id = decision_id));
CREATE POLICY secretariat_adds ON decision_items FOR INSERT WITH CHECK (
    (SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM decisions d WHERE d.id = decision_id));
CREATE POLICY secretariat_removes_or_answers ON decision_items FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM decisions d WHERE d.id = decision_id))
    WITH CHECK ((SELECT actor_roles()) @> ARRAY['secretariat'] AND EXISTS (SELECT FROM decisions d WHERE d.id = decision_id));

-- A nominee's commendations: their unit, the overseers, the chairman.
CREATE POLICY unit_overseers_and_chairman ON commendation_records FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_oversees()) OR (SELECT actor_roles()) @> ARRAY['chairman']));
-- Made by signing (the chairman) or by recording a granted proposal (the secretariat); revoked by signing.
CREATE POLICY made_by_signing_or_answer ON commendation_records FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (SELECT actor_roles()) && ARRAY['chairman', 'secretariat']);
CREATE POLICY revoked_by_signing ON commendation_records FOR UPDATE
    USING (area_id = (SELECT actor_area_as('chairman'))) WITH CHECK (area_id = (SELECT actor_area_as('chairman')));

CREATE POLICY unit_and_overseers ON public_notices FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_oversees()) OR (SELECT actor_roles()) @> ARRAY['chairman']));
CREATE POLICY secretariat_opens ON public_notices FOR INSERT WITH CHECK (
    EXISTS (SELECT FROM nominations n WHERE n.id = nomination_id AND n.area_id = (SELECT actor_area_as('secretariat'))));
CREATE POLICY secretariat_closes ON public_notices FOR UPDATE
    USING (area_id = (SELECT actor_area_as('secretariat'))) WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY with_a_visible_notice ON notice_objections FOR SELECT
    USING (EXISTS (SELECT FROM public_notices p WHERE p.id = notice_id));
-- Objections reach the secretariat, or the nomination's own unit where the notice is posted at its seat.
CREATE POLICY secretariat_or_unit_records ON notice_objections FOR INSERT WITH CHECK (
    ((SELECT actor_roles()) @> ARRAY['secretariat'] OR unit_id = (SELECT actor_staff_unit_id()))
    AND EXISTS (SELECT FROM public_notices p WHERE p.id = notice_id));

-- The chairman's one edge of the workflow: approved → decided, by signing (guard_nomination checks the rest).
CREATE POLICY chairman_decides ON nominations FOR UPDATE
    USING (area_id = (SELECT actor_area_as('chairman')) AND state = 'approved')
    WITH CHECK (area_id = (SELECT actor_area_as('chairman')) AND state = 'decided');

-- Audited from here on: every row above was part of the schema, not an event.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON commendation_forms FOR EACH ROW EXECUTE FUNCTION write_audit_event('code');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON commendation_types FOR EACH ROW EXECUTE FUNCTION write_audit_event('code');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON conferring_authorities FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON reward_coefficients FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON base_salaries FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON holds FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON decision_series FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON decision_numbers FOR EACH ROW EXECUTE FUNCTION write_audit_event('series_id', 'year');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON decisions FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON decision_items FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON commendation_records FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON public_notices FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON notice_objections FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');

RESET ROLE;

-- Reads where row-level security decides; writes only where a policy exists; no DELETE anywhere.
GRANT SELECT ON thidua.commendation_forms, thidua.commendation_types, thidua.conferring_authorities, thidua.reward_coefficients,
    thidua.base_salaries, thidua.holds, thidua.decision_series, thidua.decision_numbers, thidua.decisions, thidua.decision_items,
    thidua.commendation_records, thidua.public_notices, thidua.notice_objections TO thidua_app, thidua_reader;
GRANT INSERT ON thidua.commendation_forms, thidua.notice_objections TO thidua_app;
GRANT INSERT, UPDATE ON thidua.conferring_authorities, thidua.reward_coefficients, thidua.base_salaries, thidua.holds,
    thidua.decision_series, thidua.decision_numbers, thidua.decisions, thidua.decision_items, thidua.commendation_records,
    thidua.public_notices TO thidua_app;
