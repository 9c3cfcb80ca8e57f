-- Commendation history, eligibility and the following of exemplars (issue 4 §4–§5, LAW.md, PLAN.md §6).
--
-- Eligibility is data. eligibility_rules says which higher form a nominee may be proposed for after how many
-- consecutive years of which lower form(s), counting which commendation types, from when to when, on what
-- basis and how far it is verified. Only types that count toward higher awards (commendation_types
-- .counts_toward_higher: merit, long service, seniority, foreign — never by_movement or ad_hoc, NĐ 152/2025
-- art. 4) may be counted: guard_eligibility_rule refuses any other (TD041), so an award by movement or theme
-- can never count toward a merit proposal, whatever an administrator writes. The default rows (LAW.md
-- "consecutive-year rules" [V]) are inserted BEFORE the table's audit trigger exists, as 0010 did with the law,
-- so a fresh database's trail stays empty. thidua.eligibility(as_of, nominee) computes the flags from
-- commendation_records under the caller's row-level security; revoked records never count.
--
-- Two parts of the rule are assumptions, stored as columns so an administrator changes them, and marked
-- unverified in the rows' verification: lapse_years (how long after the run's last year the flag holds; 1 =
-- the run ends in the year of the as-of date or the year before, since a year's titles are conferred around
-- the turn of the year) and restarts_after_target (years up to a conferral of the target form are used up by
-- it — "one achievement once" applied to runs).
--
-- Following exemplars (PLAN.md §6: "every exemplar should be followed over the years: evaluated, helped, and
-- its replication recorded"): an exemplar is a commendation record taken up as a model, followed by a unit
-- (usually the nominee's own); evaluations, propagation activities and replications are appended by that
-- unit's clerk or head, or by the secretariat, and never changed (a later evaluation supersedes an earlier
-- one). The reviews and congresses of the plan (emulation_reviews) are an area's data (seed/); the
-- secretariat selects exemplars for them with a reason. An exemplar whose commendation was revoked is neither
-- designated nor selected (TD040).
--
-- Errors: TD040 the commendation record is revoked · TD041 an eligibility rule names an unknown form, or counts
-- a type that does not count toward higher awards.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Eligibility for a higher title by consecutive years of lower ones
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- The national title is the target of LAW.md's second rule and was not in 0010's catalogue. commendation_forms
-- is audited and under forced row-level security since 0010; the migration adds its row with the trigger and
-- the forcing lifted for this one statement, so the trail of a fresh database stays empty (the row is schema,
-- like 0010's).
ALTER TABLE commendation_forms DISABLE TRIGGER audit, NO FORCE ROW LEVEL SECURITY;
INSERT INTO commendation_forms (code, name, kind, nominee_kinds, notice_working_days, notice_basis) VALUES
    ('chien-si-thi-dua-toan-quoc', 'Chiến sĩ thi đua toàn quốc', 'emulation_title', ARRAY['individual'], 10,
     'Lấy ý kiến công khai 10 ngày làm việc với khen thưởng cấp Nhà nước (Nghị định 98/2023/NĐ-CP điều 46; Nghị định 152/2025/NĐ-CP điều 60)');
ALTER TABLE commendation_forms ENABLE TRIGGER audit, FORCE ROW LEVEL SECURITY;

CREATE TABLE eligibility_rules (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    target_form_code text NOT NULL REFERENCES commendation_forms,
    -- Any of these, one per year, makes a year of the run.
    required_form_codes text[] NOT NULL CHECK (cardinality(required_form_codes) > 0),
    consecutive_years integer NOT NULL CHECK (consecutive_years BETWEEN 1 AND 20),
    counted_types text[] NOT NULL DEFAULT ARRAY['merit'] CHECK (cardinality(counted_types) > 0),
    lapse_years integer NOT NULL DEFAULT 1 CHECK (lapse_years >= 0),
    restarts_after_target boolean NOT NULL DEFAULT true,
    valid_from date NOT NULL,
    valid_to date,
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    note text CHECK (note IS NFC NORMALIZED AND btrim(note) <> ''),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (code, valid_from),
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (NOT target_form_code = ANY (required_form_codes))
);
COMMENT ON TABLE eligibility_rules IS 'Consecutive-year rules for higher titles (LAW.md); only types that count toward higher awards are counted.';
COMMENT ON COLUMN eligibility_rules.lapse_years IS 'Years the as-of date may lie after the run''s last year (assumption, see verification/note).';
COMMENT ON COLUMN eligibility_rules.restarts_after_target IS 'Years up to a conferral of the target form are used up by it (assumption).';

CREATE FUNCTION guard_eligibility_rule() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(x.code, ', ') INTO missing FROM unnest(NEW.required_form_codes) AS x(code)
    WHERE NOT EXISTS (SELECT FROM thidua.commendation_forms f WHERE f.code = x.code);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'unknown lower forms: %', missing USING ERRCODE = 'TD041', DETAIL = 'field=required_form_codes';
    END IF;
    SELECT string_agg(x.code, ', ') INTO missing FROM unnest(NEW.counted_types) AS x(code)
    WHERE NOT EXISTS (SELECT FROM thidua.commendation_types t WHERE t.code = x.code AND t.counts_toward_higher);
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'types that do not count toward higher awards: %', missing USING ERRCODE = 'TD041', DETAIL = 'field=counted_types';
    END IF;
    RETURN NEW;
END
$$;

INSERT INTO eligibility_rules (code, target_form_code, required_form_codes, consecutive_years, counted_types, lapse_years,
                               restarts_after_target, valid_from, valid_to, legal_basis, verification, note) VALUES
    ('cstd-tinh', 'chien-si-thi-dua-cap-tinh', ARRAY['chien-si-thi-dua-co-so'], 3, ARRAY['merit'], 1, true, '2024-01-01', NULL,
     'Luật Thi đua, khen thưởng số 06/2022/QH15 (LAW.md: 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở) [V]; số điều chưa đối chiếu',
     'unverified',
     'Quy tắc 3 năm liên tục đã đối chiếu; lapse_years = 1 và restarts_after_target là giả định chưa đối chiếu văn bản.'),
    ('cstd-toan-quoc', 'chien-si-thi-dua-toan-quoc', ARRAY['chien-si-thi-dua-cap-tinh'], 2, ARRAY['merit'], 1, true, '2024-01-01', NULL,
     'Luật Thi đua, khen thưởng số 06/2022/QH15 (LAW.md: 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh) [V]; số điều chưa đối chiếu',
     'unverified',
     'Quy tắc 2 lần liên tục đã đối chiếu; lapse_years = 1 và restarts_after_target là giả định chưa đối chiếu văn bản.'),
    -- The 2003 law (Nghị định 91/2017) before 2024: the same runs are assumed, unverified, so the plan's
    -- 2021–2023 history is judged by a row marked so.
    ('cstd-tinh', 'chien-si-thi-dua-cap-tinh', ARRAY['chien-si-thi-dua-co-so'], 3, ARRAY['merit'], 1, true, '2018-01-01', '2024-01-01',
     'Luật Thi đua, khen thưởng 2003 (sửa đổi); Nghị định 91/2017/NĐ-CP — giả định như luật 2022', 'unverified',
     'Giả định: cùng quy tắc như từ 01/01/2024.'),
    ('cstd-toan-quoc', 'chien-si-thi-dua-toan-quoc', ARRAY['chien-si-thi-dua-cap-tinh'], 2, ARRAY['merit'], 1, true, '2018-01-01', '2024-01-01',
     'Luật Thi đua, khen thưởng 2003 (sửa đổi); Nghị định 91/2017/NĐ-CP — giả định như luật 2022', 'unverified',
     'Giả định: cùng quy tắc như từ 01/01/2024.');

-- Guarded from here on (the guard reads the law under row-level security, which shows the migration nothing;
-- the rows above name forms and types of 0010 and this file).
CREATE TRIGGER eligibility_rules_guard BEFORE INSERT OR UPDATE ON eligibility_rules
    FOR EACH ROW EXECUTE FUNCTION guard_eligibility_rule();

-- The flags: for every rule in force on `as_of`, every nominee (the one asked, or all the caller may see) with a
-- run of at least consecutive_years consecutive years holding one of the lower forms of a counted type, not
-- revoked, conferred by `as_of`, for years after any conferral of the target form (restarts_after_target), whose
-- last year lies at most lapse_years before the year of `as_of`. qualifying_years: the run's last
-- consecutive_years years. SECURITY INVOKER: the caller's row-level security on commendation_records decides
-- whose flags they see.
CREATE FUNCTION eligibility(as_of date, only_nominee uuid DEFAULT NULL)
    RETURNS TABLE (nominee_id uuid, nominee_name text, unit_id uuid, rule_id uuid, rule_code text, target_form_code text,
                   qualifying_years integer[])
    LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH rules AS (
        SELECT r.* FROM thidua.eligibility_rules r
        WHERE r.valid_from <= as_of AND (r.valid_to IS NULL OR as_of < r.valid_to)
    ), standing AS (
        SELECT c.* FROM thidua.commendation_records c
        WHERE c.revoked_at IS NULL AND c.conferred_on <= as_of AND (only_nominee IS NULL OR c.nominee_id = only_nominee)
    ), counted AS (
        SELECT DISTINCT r.id AS rule_id, c.nominee_id, c.year
        FROM rules r JOIN standing c ON c.form_code = ANY (r.required_form_codes) AND c.type_code = ANY (r.counted_types)
        WHERE NOT (r.restarts_after_target AND c.year <= coalesce(
            (SELECT max(t.year) FROM standing t WHERE t.nominee_id = c.nominee_id AND t.form_code = r.target_form_code), -1))
    ), runs AS (
        SELECT rule_id, nominee_id, array_agg(year ORDER BY year) AS years, max(year) AS last_year
        FROM (SELECT k.*, k.year - row_number() OVER (PARTITION BY k.rule_id, k.nominee_id ORDER BY k.year) AS island
              FROM counted k) islands
        GROUP BY rule_id, nominee_id, island
    ), latest AS (
        SELECT DISTINCT ON (c.nominee_id) c.nominee_id, c.nominee_name, c.unit_id
        FROM standing c ORDER BY c.nominee_id, c.year DESC, c.conferred_on DESC, c.id
    )
    SELECT DISTINCT ON (u.rule_id, u.nominee_id)
           u.nominee_id, l.nominee_name, l.unit_id, r.id, r.code, r.target_form_code,
           u.years[cardinality(u.years) - r.consecutive_years + 1 :]
    FROM runs u JOIN rules r ON r.id = u.rule_id JOIN latest l ON l.nominee_id = u.nominee_id
    WHERE cardinality(u.years) >= r.consecutive_years
      AND extract(year FROM as_of)::integer - u.last_year BETWEEN 0 AND r.lapse_years
    ORDER BY u.rule_id, u.nominee_id, u.last_year DESC;
END;

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Exemplars and their follow-up
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

-- A commended nominee taken up as a model (mô hình, điển hình), resting on one commendation record, followed by
-- a unit. The nominee's columns are copied from the record by the guard.
CREATE TABLE exemplars (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    commendation_record_id uuid NOT NULL UNIQUE REFERENCES commendation_records,
    nominee_id uuid NOT NULL REFERENCES nominees,
    nominee_name text NOT NULL,
    nominee_unit_id uuid NOT NULL REFERENCES units,
    title text NOT NULL CHECK (title IS NFC NORMALIZED AND btrim(title) <> ''),
    designated_on date NOT NULL,
    designated_by uuid NOT NULL REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
COMMENT ON COLUMN exemplars.unit_id IS 'The unit that follows the exemplar (evaluates, helps, propagates it).';
CREATE INDEX exemplars_unit ON exemplars (area_id, unit_id);
CREATE INDEX exemplars_nominee_unit ON exemplars (area_id, nominee_unit_id);

CREATE TABLE exemplar_evaluations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    exemplar_id uuid NOT NULL REFERENCES exemplars,
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    evaluated_on date NOT NULL,
    period text NOT NULL CHECK (period IS NFC NORMALIZED AND btrim(period) <> ''),
    effect text NOT NULL CHECK (effect IS NFC NORMALIZED AND btrim(effect) <> ''),
    efficiency text NOT NULL CHECK (efficiency IS NFC NORMALIZED AND btrim(efficiency) <> ''),
    potential text NOT NULL CHECK (potential IS NFC NORMALIZED AND btrim(potential) <> ''),
    problems text CHECK (problems IS NFC NORMALIZED AND btrim(problems) <> ''),
    help_given text CHECK (help_given IS NFC NORMALIZED AND btrim(help_given) <> ''),
    recorded_by uuid NOT NULL REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX exemplar_evaluations_exemplar ON exemplar_evaluations (exemplar_id, evaluated_on);

CREATE TABLE exemplar_propagations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    exemplar_id uuid NOT NULL REFERENCES exemplars,
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    kind text NOT NULL CHECK (kind IN ('exchange', 'study_visit', 'experience_report', 'media')),
    held_on date NOT NULL,
    audience text CHECK (audience IS NFC NORMALIZED AND btrim(audience) <> ''),
    note text CHECK (note IS NFC NORMALIZED AND btrim(note) <> ''),
    recorded_by uuid NOT NULL REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX exemplar_propagations_exemplar ON exemplar_propagations (exemplar_id, held_on);

CREATE TABLE exemplar_replications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    exemplar_id uuid NOT NULL REFERENCES exemplars,
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    adopting_unit_id uuid NOT NULL REFERENCES units,
    adopted_on date NOT NULL,
    result text NOT NULL CHECK (result IS NFC NORMALIZED AND btrim(result) <> ''),
    recorded_by uuid NOT NULL REFERENCES users,
    created_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
CREATE INDEX exemplar_replications_exemplar ON exemplar_replications (exemplar_id, adopted_on);

-- The plan's reviews and congresses (sơ kết 2023, tổng kết 2025, Đại hội Thi đua yêu nước huyện lần III, tỉnh
-- lần VI, toàn quốc lần XI): an area's data, seeded per deployment. held_on NULL where the day is not known.
CREATE TABLE emulation_reviews (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    code text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
    kind text NOT NULL CHECK (kind IN ('mid_term_review', 'final_review', 'congress')),
    level text NOT NULL CHECK (level IN ('commune', 'district', 'province', 'national')),
    name text NOT NULL CHECK (name IS NFC NORMALIZED AND btrim(name) <> ''),
    year integer NOT NULL CHECK (year BETWEEN 1945 AND 2100),
    held_on date CHECK (extract(year FROM held_on) = year),
    basis text NOT NULL CHECK (basis IS NFC NORMALIZED AND btrim(basis) <> ''),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (area_id, code)
);

CREATE TABLE review_selections (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    review_id uuid NOT NULL REFERENCES emulation_reviews,
    exemplar_id uuid NOT NULL REFERENCES exemplars,
    area_id text NOT NULL REFERENCES areas,
    reason text NOT NULL CHECK (reason IS NFC NORMALIZED AND btrim(reason) <> ''),
    selected_by uuid NOT NULL REFERENCES users,
    selected_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (review_id, exemplar_id)
);
CREATE INDEX review_selections_exemplar ON review_selections (exemplar_id);

-- An exemplar rests on a standing commendation the designating user may read (a unit reads its own, the
-- secretariat all of the area): the nominee's columns come from it; a revoked one is refused (TD040).
CREATE FUNCTION guard_exemplar() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    record thidua.commendation_records;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'an exemplar''s designation never changes' USING ERRCODE = 'TD002';
    END IF;
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO record FROM thidua.commendation_records c WHERE c.id = NEW.commendation_record_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such commendation record' USING ERRCODE = '23503', CONSTRAINT = 'exemplars_commendation_record_id_fkey';
    END IF;
    IF record.revoked_at IS NOT NULL THEN
        RAISE EXCEPTION 'the commendation was revoked' USING ERRCODE = 'TD040';
    END IF;
    IF NOT EXISTS (SELECT FROM thidua.units u WHERE u.id = NEW.unit_id AND u.area_id = record.area_id) THEN
        RAISE EXCEPTION 'the following unit is not of the area' USING ERRCODE = '23503', CONSTRAINT = 'exemplars_unit_id_fkey';
    END IF;
    NEW.area_id := record.area_id;
    NEW.nominee_id := record.nominee_id;
    NEW.nominee_name := record.nominee_name;
    NEW.nominee_unit_id := record.unit_id;
    NEW.designated_by := thidua.actor_id();
    NEW.created_at := now();
    NEW.version := 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER exemplars_guard BEFORE INSERT OR UPDATE OR DELETE ON exemplars FOR EACH ROW EXECUTE FUNCTION guard_exemplar();

-- Evaluations, propagation activities and replications are appended, never changed; the exemplar gives them
-- their area and following unit, the actor their author.
CREATE FUNCTION guard_exemplar_follow_up() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    exemplar thidua.exemplars;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'follow-up records are appended, never changed' USING ERRCODE = 'TD002';
    END IF;
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO exemplar FROM thidua.exemplars e WHERE e.id = NEW.exemplar_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such exemplar' USING ERRCODE = '23503', CONSTRAINT = TG_TABLE_NAME || '_exemplar_id_fkey';
    END IF;
    NEW.area_id := exemplar.area_id;
    NEW.unit_id := exemplar.unit_id;
    NEW.recorded_by := thidua.actor_id();
    NEW.created_at := now();
    NEW.version := 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER exemplar_evaluations_guard BEFORE INSERT OR UPDATE OR DELETE ON exemplar_evaluations
    FOR EACH ROW EXECUTE FUNCTION guard_exemplar_follow_up();
CREATE TRIGGER exemplar_propagations_guard BEFORE INSERT OR UPDATE OR DELETE ON exemplar_propagations
    FOR EACH ROW EXECUTE FUNCTION guard_exemplar_follow_up();
CREATE TRIGGER exemplar_replications_guard BEFORE INSERT OR UPDATE OR DELETE ON exemplar_replications
    FOR EACH ROW EXECUTE FUNCTION guard_exemplar_follow_up();

-- A selection names a review of the exemplar's area and an exemplar whose commendation still stands (TD040).
-- Read without a lock: a revocation signed at the same moment may still commit after the selection; the
-- candidates' list and the selections' reading mark such an exemplar revoked.
CREATE FUNCTION guard_review_selection() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    exemplar thidua.exemplars;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        RAISE EXCEPTION 'a selection never changes' USING ERRCODE = 'TD002';
    END IF;
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO exemplar FROM thidua.exemplars e WHERE e.id = NEW.exemplar_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such exemplar' USING ERRCODE = '23503', CONSTRAINT = 'review_selections_exemplar_id_fkey';
    END IF;
    IF NOT EXISTS (SELECT FROM thidua.emulation_reviews r WHERE r.id = NEW.review_id AND r.area_id = exemplar.area_id) THEN
        RAISE EXCEPTION 'no such review in the exemplar''s area' USING ERRCODE = '23503', CONSTRAINT = 'review_selections_review_id_fkey';
    END IF;
    IF EXISTS (SELECT FROM thidua.commendation_records c WHERE c.id = exemplar.commendation_record_id AND c.revoked_at IS NOT NULL) THEN
        RAISE EXCEPTION 'the exemplar''s commendation was revoked' USING ERRCODE = 'TD040';
    END IF;
    NEW.area_id := exemplar.area_id;
    NEW.selected_by := thidua.actor_id();
    NEW.selected_at := now();
    NEW.version := 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER review_selections_guard BEFORE INSERT OR UPDATE OR DELETE ON review_selections
    FOR EACH ROW EXECUTE FUNCTION guard_review_selection();

-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────
-- Row-level security and privileges
-- ───────────────────────────────────────────────────────────────────────────────────────────────────────────

ALTER TABLE eligibility_rules ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exemplars ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exemplar_evaluations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exemplar_propagations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE exemplar_replications ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE emulation_reviews ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE review_selections ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- The rules are law: read by every acting user, added or ended by an administrator.
CREATE POLICY the_law ON eligibility_rules FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY admin_adds ON eligibility_rules FOR INSERT WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_ends ON eligibility_rules FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);

-- Exemplars are read as nominations are: the following unit and the nominee's unit, the overseers
-- (secretariat, auditors), the council and the chairman (what they read is commended already).
CREATE POLICY units_overseers_and_council ON exemplars FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR nominee_unit_id = (SELECT actor_staff_unit_id())
        OR (SELECT actor_oversees()) OR (SELECT actor_roles()) && ARRAY['council_member', 'chairman']));
-- Designated by the secretariat, or by a unit's clerk or head for their own unit to follow.
CREATE POLICY following_unit_or_secretariat ON exemplars FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_roles()) @> ARRAY['secretariat']));

CREATE POLICY with_a_visible_exemplar ON exemplar_evaluations FOR SELECT
    USING (EXISTS (SELECT FROM exemplars e WHERE e.id = exemplar_id));
CREATE POLICY following_unit_or_secretariat ON exemplar_evaluations FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_roles()) @> ARRAY['secretariat']));
CREATE POLICY with_a_visible_exemplar ON exemplar_propagations FOR SELECT
    USING (EXISTS (SELECT FROM exemplars e WHERE e.id = exemplar_id));
CREATE POLICY following_unit_or_secretariat ON exemplar_propagations FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_roles()) @> ARRAY['secretariat']));
CREATE POLICY with_a_visible_exemplar ON exemplar_replications FOR SELECT
    USING (EXISTS (SELECT FROM exemplars e WHERE e.id = exemplar_id));
CREATE POLICY following_unit_or_secretariat ON exemplar_replications FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_roles()) @> ARRAY['secretariat']));

-- Reviews are the area's calendar; the secretariat keeps it and selects exemplars for them.
CREATE POLICY read_own_area ON emulation_reviews FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY secretariat_schedules ON emulation_reviews FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY with_a_visible_exemplar ON review_selections FOR SELECT
    USING (EXISTS (SELECT FROM exemplars e WHERE e.id = exemplar_id));
CREATE POLICY secretariat_selects ON review_selections FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));

-- Audited from here on: the rules above were part of the schema, not an event.
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON eligibility_rules FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON exemplars FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON exemplar_evaluations FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON exemplar_propagations FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON exemplar_replications FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON emulation_reviews FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON review_selections FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');

RESET ROLE;

-- Reads where row-level security decides; follow-up is appended (no UPDATE); no DELETE anywhere.
GRANT SELECT ON thidua.eligibility_rules, thidua.exemplars, thidua.exemplar_evaluations, thidua.exemplar_propagations,
    thidua.exemplar_replications, thidua.emulation_reviews, thidua.review_selections TO thidua_app, thidua_reader;
GRANT INSERT, UPDATE ON thidua.eligibility_rules TO thidua_app;
GRANT INSERT ON thidua.exemplars, thidua.exemplar_evaluations, thidua.exemplar_propagations, thidua.exemplar_replications,
    thidua.emulation_reviews, thidua.review_selections TO thidua_app;
