-- Data stays with its readers (issue 13, item 5, second half).
--
-- History follows read access. 0006 let a reader other than the secretariat and auditors see an event only
-- when it was about a record of their own unit, or about a nomination they could read. So the council and the
-- chairman read a council session or a draft decision and got an empty history of it, while a commune's clerk
-- read the events of rows the tables themselves hide from them (a draft decision's item of their nomination, a
-- hold on their nominee), because those rows carry the clerk's unit_id. Now an event about record R of table T
-- is visible exactly when the reader may read R under T's own row-level security: thidua.may_read_record() asks
-- T with an EXISTS that T's policies filter. The secretariat and auditors still read the whole area's trail,
-- as DESIGN.md §4 gives them. Nothing is ever deleted (no DELETE grant anywhere), so every record an event names
-- still exists to be asked about.
--
-- A secret ballot's choice is in no audited row (0009: council_votes keeps participation only, the choices sit
-- in council_secret_ballots, unaudited and readable by thidua_definer alone), so no event carries one; the
-- function has no branch for the two secret-ballot tables and answers false for any table it does not know.
--
-- A public notice is read by whoever may read its nomination. 0010 gave the notice, objectors' names included,
-- to the nomination's unit, the overseers and the chairman, whatever the nomination's state: the chairman read
-- the notice of a nomination still in review below him, and the council (which reads the nomination from
-- council review on) and the lead unit (from submission) did not read its notice. Objections follow their
-- notice already (with_a_visible_notice).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- Whether the caller may read the record an audit event names, under that table's own row-level security.
-- SECURITY INVOKER on purpose: the EXISTS runs as the reader, so their policies decide. PL/pgSQL, so each
-- branch is planned the first time it runs and kept for the session (an SQL function with sub-selects is not
-- inlined and would plan every branch in every statement that calls it). Keys are cast to the column's type so
-- each look-up uses the table's key index; a composite key is the trigger's key columns joined by '/' (0005).
-- Every table with an audit trigger has a branch (CatalogueSecurityTests checks it).
CREATE FUNCTION may_read_record(event_table text, event_key text) RETURNS boolean
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

DROP POLICY what_you_may_read ON audit_events;
CREATE POLICY what_you_may_read ON audit_events FOR SELECT USING (
    area_id = (SELECT actor_area_id())
    AND ((SELECT actor_oversees()) OR may_read_record(record_type, record_id)));

DROP POLICY unit_and_overseers ON public_notices;
CREATE POLICY with_a_visible_nomination ON public_notices FOR SELECT
    USING (EXISTS (SELECT FROM nominations n WHERE n.id = nomination_id));
