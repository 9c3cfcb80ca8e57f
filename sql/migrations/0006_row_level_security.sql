-- Row-level security: the second check behind the Swift policy (DESIGN.md §4), so a bug in one is not a breach.
--
-- Every table is ENABLEd and FORCEd (the owner is subject to it too); the application role owns nothing and
-- cannot bypass it. Each policy names the acting user through thidua.actor_*() in a scalar sub-select, so
-- it is evaluated once per statement, not per row. Every writable policy has WITH CHECK: no one writes a row
-- they could not read. Nothing is ever deleted, so no table has a DELETE policy or grant.
-- What several policies ask of the actor is one function below, so the tables cannot drift apart on it.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c
             WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind IN ('r', 'p') LOOP
        EXECUTE format('ALTER TABLE thidua.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$$;

-- The actor's standing as the policies ask it, one concept each, built on the actor look-ups of 0004. SQL
-- functions with no SET clause, so the planner inlines them; a policy calls them in a scalar sub-select,
-- uncorrelated, so each is evaluated once per statement like the look-ups themselves.

-- The unit whose records the actor prepares: their own, when they are its clerk or head; else NULL.
CREATE FUNCTION actor_staff_unit_id() RETURNS uuid
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_roles() && ARRAY['unit_clerk', 'unit_head'] THEN thidua.actor_unit_id() END;

-- The secretariat and auditors, who oversee every record of the area.
CREATE FUNCTION actor_oversees() RETURNS boolean
    LANGUAGE sql STABLE
    RETURN thidua.actor_roles() && ARRAY['secretariat', 'auditor'];

-- The area the actor manages in `held_role` (the administrator's catalogue, the secretariat's movements and
-- rounds): their own, when they hold it; else NULL.
CREATE FUNCTION actor_area_as(held_role text) RETURNS text
    LANGUAGE sql STABLE
    RETURN CASE WHEN held_role = ANY (thidua.actor_roles()) THEN thidua.actor_area_id() END;

-- The movements whose nominations the actor reviews: those their unit leads, when they are its head.
CREATE FUNCTION actor_reviewed_movements() RETURNS uuid[]
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_roles() @> ARRAY['unit_head'] THEN thidua.actor_lead_movements() ELSE '{}' END;

-- Catalogue: read by everyone of the area; areas, clusters, units, successions and users are the
-- administrator's; movements, rounds and their quotas the secretariat's.
CREATE POLICY read_own_area ON areas FOR SELECT USING (id = (SELECT actor_area_id()));
CREATE POLICY read_own_area ON clusters FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY admin_writes ON clusters FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('admin')));
CREATE POLICY read_own_area ON units FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY admin_creates ON units FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('admin')));
CREATE POLICY admin_edits ON units FOR UPDATE
    USING (area_id = (SELECT actor_area_as('admin')))
    WITH CHECK (area_id = (SELECT actor_area_as('admin')));
CREATE POLICY read_own_area ON unit_successions FOR SELECT
    USING (EXISTS (SELECT FROM units u WHERE u.id = predecessor_id));
CREATE POLICY admin_writes ON unit_successions FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM units u WHERE u.id = predecessor_id) AND (SELECT actor_roles()) @> ARRAY['admin']);

-- The staff directory of the area is readable (names on records); the password hash is not (column grants).
CREATE POLICY read_own_area ON users FOR SELECT USING (EXISTS (SELECT FROM units u WHERE u.id = unit_id));
CREATE POLICY admin_creates ON users FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM units u WHERE u.id = unit_id) AND (SELECT actor_roles()) @> ARRAY['admin']);
CREATE POLICY admin_or_self_edits ON users FOR UPDATE
    USING (EXISTS (SELECT FROM units u WHERE u.id = unit_id)
           AND ((SELECT actor_roles()) @> ARRAY['admin'] OR id = (SELECT actor_id())))
    WITH CHECK (EXISTS (SELECT FROM units u WHERE u.id = unit_id)
           AND ((SELECT actor_roles()) @> ARRAY['admin'] OR id = (SELECT actor_id())));

CREATE POLICY own_or_overseen ON role_grants FOR SELECT
    USING (user_id = (SELECT actor_id())
           OR ((SELECT actor_roles()) && ARRAY['admin', 'auditor'] AND EXISTS (SELECT FROM users u WHERE u.id = user_id)));
-- An administrator grants and revokes others' roles, never their own.
CREATE POLICY admin_grants ON role_grants FOR INSERT
    WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin'] AND user_id <> (SELECT actor_id())
                AND granted_by = (SELECT actor_id()) AND EXISTS (SELECT FROM users u WHERE u.id = user_id));
CREATE POLICY admin_revokes ON role_grants FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin'] AND user_id <> (SELECT actor_id()) AND EXISTS (SELECT FROM users u WHERE u.id = user_id))
    WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin'] AND user_id <> (SELECT actor_id()));

CREATE POLICY parties_and_auditors ON delegations FOR SELECT
    USING ((SELECT actor_id()) IN (delegator_id, delegate_id) OR (SELECT actor_roles()) @> ARRAY['auditor']);
-- Only the holder of a role lends it, to a colleague of the same unit.
CREATE POLICY holder_delegates ON delegations FOR INSERT
    WITH CHECK (delegator_id = (SELECT actor_id()) AND ARRAY[role] <@ (SELECT actor_roles())
                AND EXISTS (SELECT FROM users u WHERE u.id = delegate_id AND u.unit_id = (SELECT actor_unit_id())));
CREATE POLICY holder_revokes ON delegations FOR UPDATE
    USING (delegator_id = (SELECT actor_id())) WITH CHECK (delegator_id = (SELECT actor_id()));

CREATE POLICY read_own_area ON movements FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY secretariat_creates ON movements FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY secretariat_edits ON movements FOR UPDATE
    USING (area_id = (SELECT actor_area_as('secretariat')))
    WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY read_own_area ON movement_lead_units FOR SELECT
    USING (EXISTS (SELECT FROM movements m WHERE m.id = movement_id));
CREATE POLICY secretariat_writes ON movement_lead_units FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM movements m WHERE m.id = movement_id) AND (SELECT actor_roles()) @> ARRAY['secretariat']);

CREATE POLICY read_own_area ON rounds FOR SELECT USING (area_id = (SELECT actor_area_id()));
CREATE POLICY secretariat_creates ON rounds FOR INSERT WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY secretariat_edits ON rounds FOR UPDATE
    USING (area_id = (SELECT actor_area_as('secretariat')))
    WITH CHECK (area_id = (SELECT actor_area_as('secretariat')));
CREATE POLICY read_own_area ON round_unit_limits FOR SELECT USING (EXISTS (SELECT FROM rounds r WHERE r.id = round_id));
CREATE POLICY secretariat_writes ON round_unit_limits FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (SELECT actor_roles()) @> ARRAY['secretariat']);
CREATE POLICY secretariat_edits ON round_unit_limits FOR UPDATE
    USING (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (SELECT actor_roles()) @> ARRAY['secretariat'])
    WITH CHECK (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (SELECT actor_roles()) @> ARRAY['secretariat']);
CREATE POLICY read_own_area ON round_movement_minimums FOR SELECT USING (EXISTS (SELECT FROM rounds r WHERE r.id = round_id));
CREATE POLICY secretariat_writes ON round_movement_minimums FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (SELECT actor_roles()) @> ARRAY['secretariat']);

CREATE POLICY unit_and_overseers ON deadline_exceptions FOR SELECT
    USING (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (
           unit_id = (SELECT actor_unit_id()) OR (SELECT actor_oversees())));
CREATE POLICY secretariat_grants ON deadline_exceptions FOR INSERT
    WITH CHECK (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (SELECT actor_roles()) @> ARRAY['secretariat']
                AND granted_by = (SELECT actor_id()));

CREATE POLICY unit_and_overseers ON quota_usage FOR SELECT
    USING (EXISTS (SELECT FROM rounds r WHERE r.id = round_id) AND (
           unit_id = (SELECT actor_unit_id()) OR (SELECT actor_oversees())));

-- Nominations (DESIGN.md §4): the unit's clerks and head; lead units for their movements once submitted,
-- never an armed force's; the secretariat and auditors all; council and chairman from council review on.
CREATE POLICY by_role ON nominations FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id())
        OR (SELECT actor_oversees())
        OR (state IN ('in_review', 'approved', 'rejected', 'decided') AND (SELECT actor_roles()) && ARRAY['council_member', 'chairman'])
        OR (NOT restricted AND submitted_at IS NOT NULL AND ARRAY[movement_id] <@ (SELECT actor_lead_movements())
            AND (SELECT actor_roles()) && ARRAY['unit_clerk', 'unit_head'])
    ));
CREATE POLICY unit_creates ON nominations FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND unit_id = (SELECT actor_staff_unit_id()));
-- Who may touch which row; which edge of the workflow they may take is guard_nomination's (0004).
CREATE POLICY workflow_parties ON nominations FOR UPDATE
    USING (area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id())
        OR (SELECT actor_roles()) @> ARRAY['secretariat']
        OR (NOT restricted AND ARRAY[movement_id] <@ (SELECT actor_reviewed_movements()))))
    WITH CHECK (area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id())
        OR (SELECT actor_roles()) @> ARRAY['secretariat']
        OR (NOT restricted AND ARRAY[movement_id] <@ (SELECT actor_reviewed_movements()))));

CREATE POLICY with_a_visible_nomination ON nomination_attachments FOR SELECT
    USING (EXISTS (SELECT FROM nominations n WHERE n.id = nomination_id));
CREATE POLICY unit_uploads ON nomination_attachments FOR INSERT WITH CHECK (
    unit_id = (SELECT actor_staff_unit_id()) AND EXISTS (SELECT FROM nominations n WHERE n.id = nomination_id));

-- Nominees: their unit, overseers, and whoever may read one of their nominations.
CREATE POLICY unit_overseers_and_reviewers ON nominees FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        unit_id = (SELECT actor_staff_unit_id())
        OR (SELECT actor_oversees())
        OR EXISTS (SELECT FROM nominations n WHERE n.nominee_id = nominees.id)));
CREATE POLICY unit_registers ON nominees FOR INSERT WITH CHECK (
    area_id = (SELECT actor_area_id()) AND unit_id = (SELECT actor_staff_unit_id()));
CREATE POLICY unit_edits ON nominees FOR UPDATE
    USING (unit_id = (SELECT actor_staff_unit_id()))
    WITH CHECK (unit_id = (SELECT actor_staff_unit_id()));

-- Personal data: the registering unit, the secretariat and auditors only; never lead units or the council.
CREATE POLICY unit_and_overseers ON nominee_personal FOR SELECT USING (
    EXISTS (SELECT FROM units u WHERE u.id = unit_id)
    AND (unit_id = (SELECT actor_staff_unit_id()) OR (SELECT actor_oversees())));
CREATE POLICY unit_records ON nominee_personal FOR INSERT WITH CHECK (
    unit_id = (SELECT actor_staff_unit_id())
    AND EXISTS (SELECT FROM nominees n WHERE n.id = nominee_id AND n.unit_id = nominee_personal.unit_id));
CREATE POLICY unit_edits ON nominee_personal FOR UPDATE
    USING (unit_id = (SELECT actor_staff_unit_id()))
    WITH CHECK (unit_id = (SELECT actor_staff_unit_id()));

-- Audit events: overseers read the area's trail; others the history of what they may read.
CREATE POLICY what_you_may_read ON audit_events FOR SELECT USING (
    area_id = (SELECT actor_area_id()) AND (
        (SELECT actor_oversees())
        OR (record_unit_id = (SELECT actor_staff_unit_id()) AND record_type <> 'nominee_personal')
        OR (record_type = 'nominations' AND EXISTS (
            SELECT FROM nominations n WHERE n.id = CASE WHEN audit_events.record_type = 'nominations' THEN audit_events.record_id::uuid END))));

RESET ROLE;

-- Privileges: reads everywhere (row-level security decides which rows), writes only where a policy exists,
-- no DELETE or TRUNCATE anywhere, nothing but SELECT on the audit trail, never a password hash.
GRANT SELECT ON ALL TABLES IN SCHEMA thidua TO thidua_app, thidua_reader;
REVOKE SELECT ON thidua.users FROM thidua_app, thidua_reader;
GRANT SELECT (id, unit_id, username, full_name, active, created_at, version) ON thidua.users TO thidua_app, thidua_reader;
GRANT INSERT, UPDATE ON thidua.clusters, thidua.units, thidua.users, thidua.role_grants, thidua.delegations,
    thidua.movements, thidua.rounds, thidua.round_unit_limits, thidua.nominations, thidua.nominees,
    thidua.nominee_personal TO thidua_app;
GRANT INSERT ON thidua.unit_successions, thidua.movement_lead_units, thidua.round_movement_minimums,
    thidua.deadline_exceptions, thidua.nomination_attachments TO thidua_app;
-- Users change only their own password, through a column grant the policy narrows to their own row.
REVOKE UPDATE ON thidua.users FROM thidua_app;
GRANT UPDATE (full_name, active, version, password_hash) ON thidua.users TO thidua_app;
GRANT INSERT ON thidua.users TO thidua_app;
