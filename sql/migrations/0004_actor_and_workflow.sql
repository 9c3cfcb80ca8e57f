-- Who is acting, and the nomination workflow as the database enforces it.
--
-- The repository names the acting user at the start of every transaction, transaction-locally:
--   set_config('thidua.actor_id', <user id>, true), 'thidua.actor_role' (the role acted in),
--   'thidua.on_behalf_of' (the delegator, under ký thay / thừa lệnh), 'thidua.action', 'thidua.reason',
--   'thidua.request_id'.
-- A pooled connection therefore never carries one user's identity into another's transaction.
--
-- Errors raised here use SQLSTATE class TD so the repositories can map them to typed errors:
--   TD001 no acting user · TD002 transition not allowed · TD003 past the due date · TD004 reason required
--   TD005 dossier incomplete · TD006 field may not change · TD007 round not open · TD008 role not held
--   TD010 quota full
-- A refusal the application reports with a figure carries it in DETAIL as key=value: TD003 due_at=<the due
-- date in microseconds since 1970-01-01 UTC>, TD010 maximum=<the unit's maximum in the round>.

-- thidua_definer owns the few SECURITY DEFINER functions. It bypasses row-level security (they must read the
-- actor's own grants whatever the policies say) but may only read the actor tables, keep the quota ledger and
-- append audit events.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'thidua_definer') THEN
        BEGIN
            CREATE ROLE thidua_definer NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA thidua TO thidua_definer;
GRANT SELECT ON thidua.users, thidua.role_grants, thidua.delegations, thidua.movement_lead_units, thidua.units,
    thidua.round_unit_limits TO thidua_definer;
GRANT SELECT, INSERT, UPDATE ON thidua.quota_usage TO thidua_definer;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE FUNCTION actor_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN nullif(current_setting('thidua.actor_id', true), '')::uuid;

CREATE FUNCTION setting(name text) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN nullif(btrim(current_setting('thidua.' || name, true)), '');

RESET ROLE;

-- The acting user's unit, area, roles (own grants and live delegations) and led movements: the actor context.
-- An inactive user has none, so sees nothing.
--
-- Looked up once per transaction, not at every call. Row-level security calls these functions once per
-- statement and per call site, and the guard and audit triggers call them again: about 22 calls per audited
-- transition, each a query (37-70 µs apiece); the benchmark measured the look-ups at ~45% of statement time
-- (BENCHMARKS.md, "Audited write path"). load_actor_context() (SECURITY DEFINER, the only function that reads
-- users, grants and delegations for this) stores the four values transaction-locally (set_config(…, true):
-- a pooled connection forgets them at commit) under thidua.context_*, stamped with the actor they belong to.
-- The four functions are single-expression SQL functions that PostgreSQL inlines: they read the stored
-- values while the stamp matches thidua.actor_id, and load them first when it does not (the first call of a
-- transaction, or the actor changed). A change to the tables they derive from clears the stamp (the
-- forget_actor_context triggers below), so a grant made earlier in the same transaction counts at once.
--
-- What this trusts: the stored values are custom settings, which the application role could write itself.
-- A client that deliberately wrote thidua.context_roles could claim roles; but the same client can already
-- claim to be any user through thidua.actor_id, which the database has always taken from the application
-- (row-level security guards against the application's mistakes, not against its owner). No code of ours
-- writes these settings but load_actor_context().
CREATE FUNCTION thidua.load_actor_context() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    unit uuid;
    area text;
BEGIN
    SELECT u.unit_id, n.area_id INTO unit, area
    FROM thidua.users u JOIN thidua.units n ON n.id = u.unit_id WHERE u.id = actor AND u.active;
    PERFORM set_config('thidua.context_unit_id', coalesce(unit::text, ''), true),
            set_config('thidua.context_area_id', coalesce(area, ''), true),
            set_config('thidua.context_roles', (
                SELECT coalesce(array_agg(DISTINCT held.role), '{}')
                FROM thidua.users me,
                LATERAL (
                    SELECT g.role FROM thidua.role_grants g WHERE g.user_id = me.id AND g.revoked_at IS NULL
                    UNION ALL
                    SELECT d.role FROM thidua.delegations d
                    JOIN thidua.users delegator ON delegator.id = d.delegator_id AND delegator.active
                    WHERE d.delegate_id = me.id AND d.revoked_at IS NULL AND now() >= d.valid_from AND now() < d.valid_to
                      AND EXISTS (
                          SELECT FROM thidua.role_grants g
                          WHERE g.user_id = d.delegator_id AND g.role = d.role AND g.revoked_at IS NULL)
                ) held
                WHERE me.id = actor AND me.active)::text, true),
            set_config('thidua.context_lead_movements', (
                SELECT coalesce(array_agg(l.movement_id), '{}')
                FROM thidua.movement_lead_units l JOIN thidua.users u ON u.unit_id = l.unit_id
                WHERE u.id = actor AND u.active AND l.part = 'lead')::text, true),
            set_config('thidua.context_of', coalesce(current_setting('thidua.actor_id', true), ''), true);
    RETURN true;
END
$$;
ALTER FUNCTION thidua.load_actor_context() OWNER TO thidua_definer;

-- True once the stored context is the current actor's (loading it when it is not).
CREATE FUNCTION thidua.actor_context_ready() RETURNS boolean
    LANGUAGE sql STABLE
    RETURN CASE WHEN current_setting('thidua.context_of', true) IS NOT DISTINCT FROM coalesce(current_setting('thidua.actor_id', true), '')
                THEN true ELSE thidua.load_actor_context() END;

CREATE FUNCTION thidua.actor_unit_id() RETURNS uuid
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN nullif(current_setting('thidua.context_unit_id', true), '')::uuid END;

CREATE FUNCTION thidua.actor_area_id() RETURNS text
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN nullif(current_setting('thidua.context_area_id', true), '') END;

CREATE FUNCTION thidua.actor_roles() RETURNS text[]
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN current_setting('thidua.context_roles', true)::text[] END;

CREATE FUNCTION thidua.actor_lead_movements() RETURNS uuid[]
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN current_setting('thidua.context_lead_movements', true)::uuid[] END;

-- A change to what the context derives from makes the next call load it again.
CREATE FUNCTION thidua.forget_actor_context() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM set_config('thidua.context_of', '-', true);
    RETURN NULL;
END
$$;
ALTER FUNCTION thidua.actor_context_ready() OWNER TO thidua_owner;
ALTER FUNCTION thidua.actor_unit_id() OWNER TO thidua_owner;
ALTER FUNCTION thidua.actor_area_id() OWNER TO thidua_owner;
ALTER FUNCTION thidua.actor_roles() OWNER TO thidua_owner;
ALTER FUNCTION thidua.actor_lead_movements() OWNER TO thidua_owner;
ALTER FUNCTION thidua.forget_actor_context() OWNER TO thidua_owner;
CREATE TRIGGER forget_actor_context AFTER INSERT OR UPDATE OR DELETE ON thidua.users
    FOR EACH STATEMENT EXECUTE FUNCTION thidua.forget_actor_context();
CREATE TRIGGER forget_actor_context AFTER INSERT OR UPDATE OR DELETE ON thidua.role_grants
    FOR EACH STATEMENT EXECUTE FUNCTION thidua.forget_actor_context();
CREATE TRIGGER forget_actor_context AFTER INSERT OR UPDATE OR DELETE ON thidua.delegations
    FOR EACH STATEMENT EXECUTE FUNCTION thidua.forget_actor_context();
CREATE TRIGGER forget_actor_context AFTER INSERT OR UPDATE OR DELETE ON thidua.movement_lead_units
    FOR EACH STATEMENT EXECUTE FUNCTION thidua.forget_actor_context();
CREATE TRIGGER forget_actor_context AFTER INSERT OR UPDATE OR DELETE ON thidua.units
    FOR EACH STATEMENT EXECUTE FUNCTION thidua.forget_actor_context();

-- Everything the application needs to know about a user to act as them, in one query: unit, kind, area, the
-- roles granted in person, the roles borrowed under a live delegation with their delegators (the same rule
-- as actor_roles()), and the movements the unit leads. Not callable by the application: it reaches it through
-- actor_profile() (the acting user, as every other look-up) and session_actor() (the user of a session, 0008).
CREATE FUNCTION thidua.actor_profile_of(person uuid)
    RETURNS TABLE (unit_id uuid, unit_kind text, area_id text, own_roles text[], delegated_roles text[],
                   delegators uuid[], lead_movements uuid[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT u.unit_id, n.kind::text, n.area_id,
           ARRAY(SELECT g.role FROM thidua.role_grants g WHERE g.user_id = u.id AND g.revoked_at IS NULL ORDER BY g.role),
           coalesce(d.roles, '{}'), coalesce(d.delegators, '{}'),
           ARRAY(SELECT l.movement_id FROM thidua.movement_lead_units l WHERE l.unit_id = u.unit_id AND l.part = 'lead'
                 ORDER BY l.movement_id)
    FROM thidua.users u
    JOIN thidua.units n ON n.id = u.unit_id
    LEFT JOIN LATERAL (
        SELECT array_agg(x.role ORDER BY x.role) AS roles, array_agg(x.delegator_id ORDER BY x.role) AS delegators
        FROM (
            SELECT DISTINCT ON (dl.role) dl.role, dl.delegator_id
            FROM thidua.delegations dl
            JOIN thidua.users delegator ON delegator.id = dl.delegator_id AND delegator.active
            WHERE dl.delegate_id = u.id AND dl.revoked_at IS NULL AND now() >= dl.valid_from AND now() < dl.valid_to
              AND EXISTS (SELECT FROM thidua.role_grants g
                          WHERE g.user_id = dl.delegator_id AND g.role = dl.role AND g.revoked_at IS NULL)
              AND NOT EXISTS (SELECT FROM thidua.role_grants g
                              WHERE g.user_id = u.id AND g.role = dl.role AND g.revoked_at IS NULL)
            ORDER BY dl.role, dl.valid_from
        ) x
    ) d ON true
    WHERE u.id = person AND u.active;
END
$$;

-- The acting user's profile (thidua.actor_id), for the repositories' own look-up of an actor.
CREATE FUNCTION thidua.actor_profile()
    RETURNS TABLE (unit_id uuid, unit_kind text, area_id text, own_roles text[], delegated_roles text[],
                   delegators uuid[], lead_movements uuid[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT * FROM thidua.actor_profile_of(thidua.actor_id());
END
$$;

ALTER FUNCTION thidua.actor_profile_of(uuid) OWNER TO thidua_definer;
ALTER FUNCTION thidua.actor_profile() OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.actor_profile_of(uuid) FROM PUBLIC;

-- The quota ledger follows the nomination's state; the application cannot write it. Taking a slot locks the
-- unit's ledger row (ON CONFLICT DO UPDATE), so of two submissions racing for the last slot the second waits,
-- then sees the row full and is refused with TD010 naming the maximum, which the CHECK on the row could not.
CREATE FUNCTION thidua.keep_quota_ledger() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    holds_before boolean := thidua.holds_quota_slot(OLD.state);
    holds_after boolean := thidua.holds_quota_slot(NEW.state);
    limit_now integer;
BEGIN
    IF holds_after AND NOT holds_before THEN
        SELECT l.maximum INTO limit_now
        FROM thidua.units u JOIN thidua.round_unit_limits l ON l.unit_kind = u.kind AND l.round_id = NEW.round_id
        WHERE u.id = NEW.unit_id;
        limit_now := coalesce(limit_now, 2147483647);
        -- Nothing is written (and FOUND is false) when the row is full or the maximum is 0.
        INSERT INTO thidua.quota_usage AS q (round_id, unit_id, used, maximum)
        SELECT NEW.round_id, NEW.unit_id, 1, limit_now WHERE limit_now > 0
        ON CONFLICT (round_id, unit_id) DO UPDATE SET used = q.used + 1, maximum = EXCLUDED.maximum
            WHERE q.used < EXCLUDED.maximum;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'the unit already holds its maximum of % nominations in the round', limit_now
                USING ERRCODE = 'TD010', DETAIL = 'maximum=' || limit_now;
        END IF;
    ELSIF holds_before AND NOT holds_after THEN
        UPDATE thidua.quota_usage SET used = used - 1 WHERE round_id = OLD.round_id AND unit_id = OLD.unit_id;
    END IF;
    RETURN NULL;
END
$$;
ALTER FUNCTION thidua.keep_quota_ledger() OWNER TO thidua_definer;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- The workflow of DESIGN.md §5, enforced again below the Swift policy: whatever SQL the application role sends,
-- a nomination moves only along these edges, by these actors, with a reason where one is due.
CREATE FUNCTION guard_nomination() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    roles text[] := thidua.actor_roles();
    actor_unit uuid := thidua.actor_unit_id();
    is_editor boolean;
    is_head boolean;
    unit_leads boolean;
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

    unit_leads := EXISTS (
        SELECT FROM thidua.movement_lead_units
        WHERE movement_id = NEW.movement_id AND unit_id = NEW.unit_id AND part = 'lead');
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
        IF NOT is_head OR (NEW.state = 'endorsed') <> unit_leads THEN
            RAISE EXCEPTION 'the unit head submits; a lead unit''s own submission is endorsed at once' USING ERRCODE = 'TD002';
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

CREATE TRIGGER nominations_guard BEFORE INSERT OR UPDATE ON nominations
    FOR EACH ROW EXECUTE FUNCTION guard_nomination();
CREATE TRIGGER nominations_quota AFTER UPDATE OF state ON nominations
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION keep_quota_ledger();

-- Attachments belong to their nomination's unit and can be added only while it is being prepared.
CREATE FUNCTION guard_attachment() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    nomination thidua.nominations;
BEGIN
    IF thidua.actor_id() IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    SELECT * INTO nomination FROM thidua.nominations WHERE id = NEW.nomination_id;
    IF nomination.state NOT IN ('draft', 'returned') THEN
        RAISE EXCEPTION 'documents are added while the nomination is a draft or returned' USING ERRCODE = 'TD002';
    END IF;
    NEW.unit_id := nomination.unit_id;
    NEW.uploaded_by := thidua.actor_id();
    NEW.uploaded_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER nomination_attachments_guard BEFORE INSERT ON nomination_attachments
    FOR EACH ROW EXECUTE FUNCTION guard_attachment();
