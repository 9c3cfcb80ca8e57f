-- Armed-force nominees stay with their readers inside a signed decision too (issue 13, item 5). Found from
-- outside: a signed decision, readable by every signed-in user, named the Công an nominee, kind and unit to other
-- communes' clerks, who get 404 on the nomination itself. An item of an armed force's nomination is now seen by
-- whoever may see armed-force records — the force's own staff, the secretariat, auditors, the council and the
-- chairman — and by no one else; they read the decision with those items withheld and are told how many.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

DROP POLICY with_a_visible_decision ON decision_items;
CREATE POLICY with_a_visible_decision_and_nominee ON decision_items FOR SELECT USING (
    EXISTS (SELECT FROM decisions d WHERE d.id = decision_id)
    AND (NOT EXISTS (SELECT FROM units u WHERE u.id = unit_id AND u.kind = 'armed_force')
         OR unit_id = (SELECT actor_staff_unit_id())
         OR (SELECT actor_roles()) && ARRAY['secretariat', 'auditor', 'council_member', 'chairman']));

-- How many items stand in a decision the caller can read, whether or not it may read each: the count of what
-- it was not shown. Nothing for a decision it cannot read (the same answer as for none): the test is the
-- decisions' own reading policy (0010, drafts_to_preparers_signed_to_all), which a definer does not pass through.
CREATE FUNCTION decision_standing_items(decision uuid) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT count(*)::integer FROM thidua.decision_items i
    JOIN thidua.decisions d ON d.id = i.decision_id
    WHERE i.decision_id = decision_standing_items.decision AND i.removed_at IS NULL
      AND d.area_id = thidua.actor_area_id()
      AND (d.state IN ('signed', 'revoked') OR thidua.actor_roles() && ARRAY['secretariat', 'auditor', 'chairman']);
END;

RESET ROLE;
GRANT SELECT ON thidua.decisions, thidua.decision_items TO thidua_definer;
ALTER FUNCTION thidua.decision_standing_items(uuid) OWNER TO thidua_definer;
