-- Reports the plan and the law ask of the secretariat (issue 4 §6): the time each review step may take, kept
-- as data with its basis, and the working days a nomination has waited.
--
-- LAW.md ("Procedure"): the published processing times were 8–12 working days under the old law [P]; the
-- per-step split below is this system's default [U], each row open to change by an administrator, audited.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE processing_limits (
    -- The state a nomination waits in for the next step.
    waiting_state text PRIMARY KEY CHECK (waiting_state IN ('submitted', 'endorsed', 'verified', 'approved')),
    -- Who takes the next step and what it is, as a report names it.
    step text NOT NULL CHECK (step IS NFC NORMALIZED AND btrim(step) <> ''),
    working_days integer NOT NULL CHECK (working_days > 0),
    legal_basis text NOT NULL CHECK (legal_basis IS NFC NORMALIZED AND btrim(legal_basis) <> ''),
    verification text NOT NULL CHECK (verification IN ('verified', 'partly', 'unverified')),
    version integer NOT NULL DEFAULT 1 CHECK (version > 0)
);
COMMENT ON TABLE processing_limits IS 'How many working days each review step may take; past it, a nomination is reported overdue.';

-- The defaults are part of the schema (inserted before the audit trigger, like sign_in_rules in 0008).
INSERT INTO processing_limits (waiting_state, step, working_days, legal_basis, verification) VALUES
    ('submitted', 'Đơn vị chủ trì xác nhận / the lead unit endorses', 5,
     'Mặc định của hệ thống, chưa có văn bản quy định riêng cho bước này', 'unverified'),
    ('endorsed', 'Phòng Nội vụ thẩm định / the secretariat verifies', 8,
     'Thời hạn giải quyết thủ tục khen thưởng cấp huyện đã công bố (8–12 ngày làm việc, theo luật cũ)', 'partly'),
    ('verified', 'Hội đồng Thi đua - Khen thưởng xét / the council reviews', 10,
     'Mặc định của hệ thống, chưa có văn bản quy định riêng cho bước này', 'unverified'),
    ('approved', 'Chủ tịch ký quyết định / the chairman signs the decision', 5,
     'Mặc định của hệ thống, chưa có văn bản quy định riêng cho bước này', 'unverified');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON processing_limits
    FOR EACH ROW EXECUTE FUNCTION write_audit_event('waiting_state');
ALTER TABLE processing_limits ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY signed_in_read ON processing_limits FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY admin_edits ON processing_limits FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);

-- Working days (Monday to Friday) after `since` up to and including `until`. Public holidays are not in the
-- data yet, so a wait across Tết reads longer than it is.
CREATE FUNCTION working_days_between(since date, until date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT count(*)::integer FROM generate_series(since + 1, until, interval '1 day') AS d
            WHERE extract(isodow FROM d) < 6);

-- Each unit's own plan for the period (PLAN.md: every unit issues its 2021–2025 plan and sends it to Phòng
-- Nội vụ), as the secretariat records its receipt: the report lists who has sent one and who has not.
CREATE TABLE unit_plans (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    unit_id uuid NOT NULL REFERENCES units,
    period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{4}$'),
    -- As the plan is numbered: "15/KH-UBND".
    number text NOT NULL CHECK (number IS NFC NORMALIZED AND btrim(number) <> ''),
    issued_on date NOT NULL,
    received_on date NOT NULL CHECK (received_on >= issued_on),
    received_by uuid NOT NULL REFERENCES users,
    version integer NOT NULL DEFAULT 1 CHECK (version > 0),
    UNIQUE (unit_id, period)
);
COMMENT ON TABLE unit_plans IS 'Units'' own plans for a period, as received by the secretariat.';
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON unit_plans
    FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
ALTER TABLE unit_plans ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY own_unit_and_overseers ON unit_plans FOR SELECT USING (
    unit_id = (SELECT actor_staff_unit_id()) OR (area_id = (SELECT actor_area_id())
        AND ((SELECT actor_oversees()) OR (SELECT actor_roles()) @> ARRAY['chairman'])));
CREATE POLICY secretariat_records ON unit_plans FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_as('secretariat')) AND received_by = (SELECT actor_id()));

-- Thông tư 02/2023/TT-BNV's yearly reports count by classifications the law names (LAW.md "Reports"); they are
-- columns, so each report is a GROUP BY. 0601.N (movements): the level that launched the movement, its scope,
-- its duration (regular, or for a term of years) and its method (thematic or regular). starts_year is the first
-- year the movement runs in this area (for one relayed from a higher level, the year the area took it up), so
-- "running in a year" and "launched in a year" are plain comparisons. The values of a data set are in its seed.
ALTER TABLE movements
    ADD COLUMN initiating_level text NOT NULL
        CHECK (initiating_level IN ('central', 'ministry', 'province', 'district', 'commune', 'unit')),
    ADD COLUMN scope text NOT NULL CHECK (scope IN ('whole_area', 'sector', 'cluster', 'unit')),
    ADD COLUMN duration text NOT NULL CHECK (duration IN ('regular', 'fixed_term')),
    ADD COLUMN method text NOT NULL CHECK (method IN ('thematic', 'regular')),
    ADD COLUMN starts_year integer NOT NULL CHECK (starts_year BETWEEN 1945 AND 2100),
    ADD COLUMN ends_year integer,
    ADD CONSTRAINT movements_term CHECK ((duration = 'fixed_term') = (ends_year IS NOT NULL) AND ends_year >= starts_year);
COMMENT ON COLUMN movements.starts_year IS 'First year the movement runs in this area; ends_year its last, for a fixed-term one (0601.N).';

-- 0603.N (awards) counts recipients as collectives (of which enterprises), households, and individuals by
-- class: leaders and managers, business people, direct workers and farmers, others. The class is recorded
-- with the nominee where the unit knows it (NULL: not classified, counted as "chưa phân loại"); it must fit the
-- nominee's kind (a locality is counted as a collective).
ALTER TABLE nominees
    ADD COLUMN recipient_class text CHECK (recipient_class IN (
        'enterprise', 'other_collective', 'household', 'leader', 'business_person', 'worker_or_farmer', 'other_individual')),
    ADD CONSTRAINT nominees_recipient_class_fits_kind CHECK (CASE kind
        WHEN 'collective' THEN recipient_class IN ('enterprise', 'other_collective')
        WHEN 'locality' THEN recipient_class = 'other_collective'
        WHEN 'household' THEN recipient_class = 'household'
        ELSE recipient_class IN ('leader', 'business_person', 'worker_or_farmer', 'other_individual') END);

-- The mid-term and final reviews summarise a plan's period ("2021-2025", as unit_plans name it) up to the
-- review's year; congresses need none.
ALTER TABLE emulation_reviews ADD COLUMN period text CHECK (period ~ '^[0-9]{4}-[0-9]{4}$');

RESET ROLE;
GRANT SELECT ON thidua.processing_limits, thidua.unit_plans TO thidua_app, thidua_reader;
GRANT UPDATE ON thidua.processing_limits TO thidua_app;
GRANT INSERT ON thidua.unit_plans TO thidua_app;
