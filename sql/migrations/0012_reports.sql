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

RESET ROLE;
GRANT SELECT ON thidua.processing_limits TO thidua_app, thidua_reader;
GRANT UPDATE ON thidua.processing_limits TO thidua_app;
