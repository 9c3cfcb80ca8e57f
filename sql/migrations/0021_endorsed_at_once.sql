-- One rule for "endorsed at once" (issue 14, item 2, after 0018): 0018 wrote the rule — no other unit can
-- endorse a nomination whose unit leads the movement itself, whose movement has no lead unit, or which is an
-- armed force's — as EXISTS clauses inside guard_nomination, and the repository computed the same in its own
-- SQL. Now it is one function, thidua.endorsed_at_once, which guard_nomination and the repository's transition
-- both ask. guard_nomination is replaced whole again (plpgsql has no partial replacement); only the two clauses
-- become the function's call. 0018 itself has landed and stays as it was.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- No other unit endorses the nomination: its unit leads the movement itself, the movement has no lead unit, or
-- it is an armed force's, which no other lead unit may read.
CREATE FUNCTION endorsed_at_once(movement uuid, unit uuid, restricted boolean) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN restricted
        OR EXISTS (SELECT FROM thidua.movement_lead_units l
                   WHERE l.movement_id = movement AND l.unit_id = unit AND l.part = 'lead')
        OR NOT EXISTS (SELECT FROM thidua.movement_lead_units l WHERE l.movement_id = movement AND l.part = 'lead');

CREATE OR REPLACE FUNCTION guard_nomination() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    roles text[] := thidua.actor_roles();
    actor_unit uuid := thidua.actor_unit_id();
    is_editor boolean;
    is_head boolean;
    endorsed_at_once boolean;
    actor_leads boolean;
    round thidua.rounds;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    is_editor := actor_unit = NEW.unit_id AND roles && ARRAY['unit_clerk', 'unit_head'];
    is_head := actor_unit = NEW.unit_id AND 'unit_head' = ANY (roles);
    SELECT * INTO round FROM thidua.rounds WHERE id = NEW.round_id;

    IF TG_OP = 'INSERT' THEN
        IF NOT is_editor THEN
            RAISE EXCEPTION 'only the unit''s own clerk or head creates its nominations' USING ERRCODE = 'TD002';
        END IF;
        IF NEW.state <> 'draft' OR NEW.version <> 1 OR NEW.return_count <> 0 OR NEW.submitted_by IS NOT NULL
           OR NEW.created_by <> actor THEN
            RAISE EXCEPTION 'a nomination starts as a draft of its creator' USING ERRCODE = 'TD006';
        END IF;
        IF round.state <> 'open' THEN
            RAISE EXCEPTION 'round % is not open', round.code USING ERRCODE = 'TD007';
        END IF;
        NEW.restricted := EXISTS (SELECT FROM thidua.units WHERE id = NEW.unit_id AND kind = 'armed_force');
        NEW.created_at := now();
        NEW.updated_at := now();
        RETURN NEW;
    END IF;

    IF (NEW.id, NEW.area_id, NEW.round_id, NEW.unit_id, NEW.created_by, NEW.created_at, NEW.restricted)
       IS DISTINCT FROM (OLD.id, OLD.area_id, OLD.round_id, OLD.unit_id, OLD.created_by, OLD.created_at, OLD.restricted) THEN
        RAISE EXCEPTION 'a nomination''s identity, round and unit never change' USING ERRCODE = 'TD006';
    END IF;
    IF NEW.version <> OLD.version + 1 THEN
        RAISE EXCEPTION 'version must advance by one' USING ERRCODE = 'TD006';
    END IF;
    NEW.updated_at := now();

    endorsed_at_once := thidua.endorsed_at_once(NEW.movement_id, NEW.unit_id, NEW.restricted);
    actor_leads := 'unit_head' = ANY (roles) AND NOT NEW.restricted AND EXISTS (
        SELECT FROM thidua.movement_lead_units
        WHERE movement_id = NEW.movement_id AND unit_id = actor_unit AND part = 'lead');

    IF NEW.state = OLD.state THEN
        -- An edit: only of a draft or a returned nomination, by its own unit, content only.
        IF OLD.state NOT IN ('draft', 'returned') OR NOT is_editor THEN
            RAISE EXCEPTION 'only the unit''s clerk or head edits a draft or returned nomination' USING ERRCODE = 'TD002';
        END IF;
        IF (NEW.submitted_by, NEW.submitted_at, NEW.return_count) IS DISTINCT FROM (OLD.submitted_by, OLD.submitted_at, OLD.return_count) THEN
            RAISE EXCEPTION 'an edit changes content only' USING ERRCODE = 'TD006';
        END IF;
        RETURN NEW;
    END IF;

    IF OLD.state IN ('draft', 'returned') AND NEW.state IN ('submitted', 'endorsed') THEN
        IF NOT is_head OR (NEW.state = 'endorsed') <> endorsed_at_once THEN
            RAISE EXCEPTION 'the unit head submits; a submission no other unit endorses is endorsed at once' USING ERRCODE = 'TD002';
        END IF;
        IF NEW.submitted_by IS DISTINCT FROM actor OR NEW.submitted_at IS DISTINCT FROM now() THEN
            RAISE EXCEPTION 'a submission records who submitted it and when' USING ERRCODE = 'TD006';
        END IF;
        IF round.state <> 'open' OR now() < round.opens_at THEN
            RAISE EXCEPTION 'round % is not open', round.code USING ERRCODE = 'TD007';
        END IF;
        IF now() > round.due_at AND NOT EXISTS (
            SELECT FROM thidua.deadline_exceptions e
            WHERE e.round_id = NEW.round_id AND e.unit_id = NEW.unit_id AND e.until >= now()) THEN
            RAISE EXCEPTION 'round % was due at %', round.code, round.due_at
                USING ERRCODE = 'TD003', DETAIL = 'due_at=' || (extract(epoch FROM round.due_at) * 1000000)::bigint;
        END IF;
    ELSIF NEW.state = 'withdrawn' THEN
        IF OLD.state NOT IN ('draft', 'submitted', 'endorsed', 'returned') OR NOT is_head THEN
            RAISE EXCEPTION 'only the unit head withdraws, and only before verification' USING ERRCODE = 'TD002';
        END IF;
    ELSIF OLD.state = 'submitted' AND NEW.state IN ('endorsed', 'returned') THEN
        IF NOT actor_leads OR actor = OLD.submitted_by THEN
            RAISE EXCEPTION 'the head of the lead unit reviews, never their own submission' USING ERRCODE = 'TD002';
        END IF;
    ELSIF OLD.state = 'endorsed' AND NEW.state IN ('verified', 'returned') THEN
        IF NOT 'secretariat' = ANY (roles) OR actor = OLD.submitted_by THEN
            RAISE EXCEPTION 'the secretariat verifies, never its own submission' USING ERRCODE = 'TD002';
        END IF;
        IF NEW.state = 'verified' AND NOT round.required_dossier_kinds <@ ARRAY(
            SELECT a.dossier_kind FROM thidua.nomination_attachments a WHERE a.nomination_id = NEW.id) THEN
            RAISE EXCEPTION 'the dossier lacks a required document' USING ERRCODE = 'TD005';
        END IF;
    -- The council's edges (tables of 0009): verified → in_review only by opening a session over the
    -- nomination, in_review → approved / rejected / verified (no quorum) only as its item's outcome at close.
    ELSIF OLD.state = 'verified' AND NEW.state = 'in_review' THEN
        IF NOT 'secretariat' = ANY (roles) OR NOT EXISTS (
            SELECT FROM thidua.council_session_items i JOIN thidua.council_sessions s ON s.id = i.session_id
            WHERE i.nomination_id = NEW.id AND s.state = 'open' AND s.opened_xact = pg_current_xact_id()) THEN
            RAISE EXCEPTION 'the secretariat puts a nomination before the council by opening a session over it' USING ERRCODE = 'TD002';
        END IF;
    ELSIF OLD.state = 'in_review' AND NEW.state IN ('approved', 'rejected', 'verified') THEN
        IF NOT 'secretariat' = ANY (roles) OR NOT EXISTS (
            SELECT FROM thidua.council_session_items i JOIN thidua.council_sessions s ON s.id = i.session_id
            WHERE i.nomination_id = NEW.id AND s.closed_xact = pg_current_xact_id()
              AND i.outcome = CASE NEW.state WHEN 'verified' THEN 'no_quorum' ELSE NEW.state END) THEN
            RAISE EXCEPTION 'a council review ends only with the outcome of its session''s tally' USING ERRCODE = 'TD002';
        END IF;
    -- The decision's edge (tables of 0010): approved → decided only as the consequence of the chairman signing,
    -- in this transaction, a decision or proposal that carries the nomination.
    ELSIF OLD.state = 'approved' AND NEW.state = 'decided' THEN
        IF NOT 'chairman' = ANY (roles) OR NOT EXISTS (
            SELECT FROM thidua.decision_items i JOIN thidua.decisions d ON d.id = i.decision_id
            WHERE i.nomination_id = NEW.id AND i.removed_at IS NULL AND d.state = 'signed'
              AND d.signed_xact = pg_current_xact_id()) THEN
            RAISE EXCEPTION 'a nomination is decided only by the signing of a decision that carries it' USING ERRCODE = 'TD002';
        END IF;
    ELSE
        RAISE EXCEPTION 'no transition from % to %', OLD.state, NEW.state USING ERRCODE = 'TD002';
    END IF;

    IF NEW.state = 'returned' THEN
        IF thidua.setting('reason') IS NULL THEN
            RAISE EXCEPTION 'a return needs a reason' USING ERRCODE = 'TD004';
        END IF;
        IF NEW.return_count <> OLD.return_count + 1 THEN
            RAISE EXCEPTION 'a return is counted' USING ERRCODE = 'TD006';
        END IF;
    ELSIF NEW.return_count <> OLD.return_count THEN
        RAISE EXCEPTION 'only a return is counted' USING ERRCODE = 'TD006';
    END IF;
    IF NEW.state NOT IN ('submitted', 'endorsed') OR OLD.state NOT IN ('draft', 'returned') THEN
        IF (NEW.submitted_by, NEW.submitted_at) IS DISTINCT FROM (OLD.submitted_by, OLD.submitted_at) THEN
            RAISE EXCEPTION 'only a submission records the submitter' USING ERRCODE = 'TD006';
        END IF;
    END IF;
    RETURN NEW;
END
$$;

RESET ROLE;
