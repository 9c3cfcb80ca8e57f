-- Administration from the pages (issue 16, item 4): a new year opened by the secretariat, and a password reset
-- by an administrator.
--
-- A new year. Until now the 2022–2025 rounds, their limits and the movements' minimums existed only by SQL. The
-- secretariat now opens a year from /quan-tri/nam-moi: its rounds, each kind of unit's limits and the movements'
-- minimums, proposed from the year before and edited, written in one transaction (RoundRepository.openYear) under
-- the policies 0006 already gives the secretariat on rounds, round_unit_limits and round_movement_minimums.
-- plan_years records that the year was opened, by whom and from which year it was copied: UNIQUE (area_id, year)
-- is what refuses a second opening of the same year, even two sent at once (the second waits on the first's
-- index entry and fails with 23505 once it commits). It is audited like every catalogue row, so it has a branch
-- in may_read_record (0024) and its key column is readable by thidua_verifier (0026).
--
-- The administrator also reads the area's delegations, beside the grants it manages.
--
-- A password reset. 0016 took UPDATE of password_hash from thidua_app, so a forgotten password could only be
-- replaced by SQL. thidua.reset_password() is the one audited way: the caller acts as an administrator of the
-- area of the account, never on their own account (they change their own with change_password, which proves the
-- old one), a reason is required and goes into the audit event with the action 'user.reset_password', the new
-- password is stored as NFC with bcrypt like 0027, the version moves (the audited change — the trigger leaves
-- the hash out, so the event never holds it), and every session of the account ends, so whoever held the account
-- before the reset is signed out. An account that holds a role beyond a unit's clerk (a unit's head, the
-- secretariat, a council member, the chairman, an auditor, an administrator) is not reset by an administrator
-- (TD053): whoever resets a password knows the new one, and could sign in as the chairman and sign; such an
-- account's password is reset by the installer (`thidua install password`, a superuser session).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE plan_years (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id text NOT NULL REFERENCES areas,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    -- The year whose rounds, limits and minimums were proposed; NULL when nothing was copied.
    copied_from integer CHECK (copied_from < year),
    opened_by uuid NOT NULL REFERENCES users,
    opened_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT plan_years_once UNIQUE (area_id, year)
);
COMMENT ON TABLE plan_years IS 'A year of the plan opened by the secretariat from the page, once per area (RoundRepository.openYear).';

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON plan_years FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
ALTER TABLE plan_years ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY read_own_area ON plan_years FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY secretariat_opens ON plan_years FOR INSERT
    WITH CHECK (area_id = (SELECT actor_area_as('secretariat')) AND opened_by = (SELECT actor_id()));
-- No row for a forged actor context (0029).
CREATE POLICY sealed_actor_context ON plan_years AS RESTRICTIVE FOR ALL
    USING ((SELECT thidua.actor_context_verified())) WITH CHECK ((SELECT thidua.actor_context_verified()));

-- The administrator manages role grants and reads the delegations beside them (who acts for whom, until when:
-- /quan-tri/nguoi-dung/{id}); 0006 showed a delegation only to its two parties and auditors. Reading only: a
-- delegation is still made and revoked by its delegator alone.
CREATE POLICY admin_reads ON delegations FOR SELECT
    USING ((SELECT actor_roles()) @> ARRAY['admin'] AND EXISTS (SELECT FROM users u WHERE u.id = delegate_id));

-- 0024's, with the branch of plan_years.
CREATE OR REPLACE FUNCTION may_read_record(event_table text, event_key text) RETURNS boolean
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    CASE event_table
    WHEN 'areas' THEN RETURN EXISTS (SELECT FROM thidua.areas t WHERE t.id = event_key);
    WHEN 'clusters' THEN RETURN EXISTS (SELECT FROM thidua.clusters t WHERE t.id = event_key::uuid);
    WHEN 'units' THEN RETURN EXISTS (SELECT FROM thidua.units t WHERE t.id = event_key::uuid);
    WHEN 'unit_successions' THEN RETURN EXISTS (SELECT FROM thidua.unit_successions t WHERE t.id = event_key::uuid);
    WHEN 'users' THEN RETURN EXISTS (SELECT FROM thidua.users t WHERE t.id = event_key::uuid);
    WHEN 'role_grants' THEN RETURN EXISTS (SELECT FROM thidua.role_grants t WHERE t.id = event_key::uuid);
    WHEN 'delegations' THEN RETURN EXISTS (SELECT FROM thidua.delegations t WHERE t.id = event_key::uuid);
    WHEN 'movements' THEN RETURN EXISTS (SELECT FROM thidua.movements t WHERE t.id = event_key::uuid);
    WHEN 'movement_lead_units' THEN RETURN EXISTS (
        SELECT FROM thidua.movement_lead_units t
        WHERE t.movement_id = split_part(event_key, '/', 1)::uuid AND t.unit_id = split_part(event_key, '/', 2)::uuid);
    WHEN 'plan_years' THEN RETURN EXISTS (SELECT FROM thidua.plan_years t WHERE t.id = event_key::uuid);
    WHEN 'rounds' THEN RETURN EXISTS (SELECT FROM thidua.rounds t WHERE t.id = event_key::uuid);
    WHEN 'round_unit_limits' THEN RETURN EXISTS (
        SELECT FROM thidua.round_unit_limits t
        WHERE t.round_id = split_part(event_key, '/', 1)::uuid AND t.unit_kind = split_part(event_key, '/', 2));
    WHEN 'round_movement_minimums' THEN RETURN EXISTS (
        SELECT FROM thidua.round_movement_minimums t
        WHERE t.round_id = split_part(event_key, '/', 1)::uuid AND t.movement_id = split_part(event_key, '/', 2)::uuid
          AND t.nominee_kind = split_part(event_key, '/', 3));
    WHEN 'deadline_exceptions' THEN RETURN EXISTS (SELECT FROM thidua.deadline_exceptions t WHERE t.id = event_key::uuid);
    WHEN 'nominees' THEN RETURN EXISTS (SELECT FROM thidua.nominees t WHERE t.id = event_key::uuid);
    WHEN 'nominee_personal' THEN RETURN EXISTS (SELECT FROM thidua.nominee_personal t WHERE t.nominee_id = event_key::uuid);
    WHEN 'nominations' THEN RETURN EXISTS (SELECT FROM thidua.nominations t WHERE t.id = event_key::uuid);
    WHEN 'nomination_attachments' THEN RETURN EXISTS (SELECT FROM thidua.nomination_attachments t WHERE t.id = event_key::uuid);
    WHEN 'sign_in_rules' THEN RETURN EXISTS (SELECT FROM thidua.sign_in_rules t WHERE t.id = event_key::boolean);
    WHEN 'council_rules' THEN RETURN EXISTS (SELECT FROM thidua.council_rules t WHERE t.id = event_key::uuid);
    WHEN 'council_sessions' THEN RETURN EXISTS (SELECT FROM thidua.council_sessions t WHERE t.id = event_key::uuid);
    WHEN 'council_roster' THEN RETURN EXISTS (
        SELECT FROM thidua.council_roster t
        WHERE t.session_id = split_part(event_key, '/', 1)::uuid AND t.user_id = split_part(event_key, '/', 2)::uuid);
    WHEN 'council_session_items' THEN RETURN EXISTS (
        SELECT FROM thidua.council_session_items t
        WHERE t.session_id = split_part(event_key, '/', 1)::uuid AND t.nomination_id = split_part(event_key, '/', 2)::uuid);
    WHEN 'council_recusals' THEN RETURN EXISTS (
        SELECT FROM thidua.council_recusals t
        WHERE t.session_id = split_part(event_key, '/', 1)::uuid AND t.nomination_id = split_part(event_key, '/', 2)::uuid
          AND t.member_id = split_part(event_key, '/', 3)::uuid);
    WHEN 'council_votes' THEN RETURN EXISTS (
        SELECT FROM thidua.council_votes t
        WHERE t.session_id = split_part(event_key, '/', 1)::uuid AND t.nomination_id = split_part(event_key, '/', 2)::uuid
          AND t.member_id = split_part(event_key, '/', 3)::uuid);
    WHEN 'commendation_forms' THEN RETURN EXISTS (SELECT FROM thidua.commendation_forms t WHERE t.code = event_key);
    WHEN 'commendation_types' THEN RETURN EXISTS (SELECT FROM thidua.commendation_types t WHERE t.code = event_key);
    WHEN 'conferring_authorities' THEN RETURN EXISTS (SELECT FROM thidua.conferring_authorities t WHERE t.id = event_key::uuid);
    WHEN 'reward_coefficients' THEN RETURN EXISTS (SELECT FROM thidua.reward_coefficients t WHERE t.id = event_key::uuid);
    WHEN 'base_salaries' THEN RETURN EXISTS (SELECT FROM thidua.base_salaries t WHERE t.id = event_key::uuid);
    WHEN 'holds' THEN RETURN EXISTS (SELECT FROM thidua.holds t WHERE t.id = event_key::uuid);
    WHEN 'decision_series' THEN RETURN EXISTS (SELECT FROM thidua.decision_series t WHERE t.id = event_key::uuid);
    WHEN 'decision_numbers' THEN RETURN EXISTS (
        SELECT FROM thidua.decision_numbers t
        WHERE t.series_id = split_part(event_key, '/', 1)::uuid AND t.year = split_part(event_key, '/', 2)::integer);
    WHEN 'decisions' THEN RETURN EXISTS (SELECT FROM thidua.decisions t WHERE t.id = event_key::uuid);
    WHEN 'decision_items' THEN RETURN EXISTS (SELECT FROM thidua.decision_items t WHERE t.id = event_key::uuid);
    WHEN 'commendation_records' THEN RETURN EXISTS (SELECT FROM thidua.commendation_records t WHERE t.id = event_key::uuid);
    WHEN 'public_notices' THEN RETURN EXISTS (SELECT FROM thidua.public_notices t WHERE t.id = event_key::uuid);
    WHEN 'notice_objections' THEN RETURN EXISTS (SELECT FROM thidua.notice_objections t WHERE t.id = event_key::uuid);
    WHEN 'eligibility_rules' THEN RETURN EXISTS (SELECT FROM thidua.eligibility_rules t WHERE t.id = event_key::uuid);
    WHEN 'exemplars' THEN RETURN EXISTS (SELECT FROM thidua.exemplars t WHERE t.id = event_key::uuid);
    WHEN 'exemplar_evaluations' THEN RETURN EXISTS (SELECT FROM thidua.exemplar_evaluations t WHERE t.id = event_key::uuid);
    WHEN 'exemplar_propagations' THEN RETURN EXISTS (SELECT FROM thidua.exemplar_propagations t WHERE t.id = event_key::uuid);
    WHEN 'exemplar_replications' THEN RETURN EXISTS (SELECT FROM thidua.exemplar_replications t WHERE t.id = event_key::uuid);
    WHEN 'emulation_reviews' THEN RETURN EXISTS (SELECT FROM thidua.emulation_reviews t WHERE t.id = event_key::uuid);
    WHEN 'review_selections' THEN RETURN EXISTS (SELECT FROM thidua.review_selections t WHERE t.id = event_key::uuid);
    WHEN 'processing_limits' THEN RETURN EXISTS (SELECT FROM thidua.processing_limits t WHERE t.waiting_state = event_key);
    WHEN 'unit_plans' THEN RETURN EXISTS (SELECT FROM thidua.unit_plans t WHERE t.id = event_key::uuid);
    WHEN 'legal_bases' THEN RETURN EXISTS (SELECT FROM thidua.legal_bases t WHERE t.code = event_key);
    ELSE RETURN false;
    END CASE;
END
$$;

RESET ROLE;
GRANT SELECT ON thidua.plan_years TO thidua_app, thidua_reader;
GRANT INSERT ON thidua.plan_years TO thidua_app;
GRANT SELECT (id) ON thidua.plan_years TO thidua_verifier;

-- Replaces a user's password with one an administrator chose (see the header). Refusals: TD001 no acting user,
-- TD008 not an administrator of the account's area or the caller's own account, TD004 no reason, TD012 too short.
CREATE FUNCTION thidua.reset_password(target uuid, new_password text, reason text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    typed text := normalize(new_password, NFC);
    why text := btrim(reason);
    target_area text;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT n.area_id INTO target_area FROM thidua.users u JOIN thidua.units n ON n.id = u.unit_id WHERE u.id = target;
    IF thidua.acting_as_installer() THEN
        NULL;  -- The installer's superuser session resets any account.
    ELSIF NOT 'admin' = ANY (thidua.actor_roles()) OR target_area IS DISTINCT FROM thidua.actor_area_id() THEN
        RAISE EXCEPTION 'only an administrator of the account''s area resets its password' USING ERRCODE = 'TD008';
    END IF;
    IF target = me THEN
        RAISE EXCEPTION 'an administrator changes their own password with change_password' USING ERRCODE = 'TD008';
    END IF;
    IF NOT thidua.acting_as_installer() AND EXISTS (
        SELECT FROM thidua.role_grants g WHERE g.user_id = target AND g.revoked_at IS NULL AND g.role <> 'unit_clerk') THEN
        RAISE EXCEPTION 'an account with a role beyond a unit''s clerk has its password reset by the installer' USING ERRCODE = 'TD053';
    END IF;
    IF why IS NULL OR why = '' THEN
        RAISE EXCEPTION 'a password reset needs a reason' USING ERRCODE = 'TD004';
    END IF;
    IF length(typed) < 10 THEN
        RAISE EXCEPTION 'a password has at least 10 characters' USING ERRCODE = 'TD012';
    END IF;
    -- The audit event of the UPDATE below carries these, whatever the caller set.
    PERFORM set_config('thidua.action', 'user.reset_password', true);
    PERFORM set_config('thidua.reason', why, true);
    UPDATE thidua.users u SET password_hash = public.crypt(typed, public.gen_salt('bf', 10)), version = u.version + 1
    WHERE u.id = target;
    UPDATE thidua.sessions SET ended_at = now() WHERE user_id = target AND ended_at IS NULL;
END
$$;
ALTER FUNCTION thidua.reset_password(uuid, text, text) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.reset_password(uuid, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.reset_password(uuid, text, text) TO thidua_app;
