-- PROPOSAL, not applied (measure it with: thidua bench --apply bench/proposals/p2-actor-context.sql).
--
-- P2: the acting user's unit, area, roles and led movements, looked up once per transaction instead of at
-- every call. Row-level security calls these functions once per statement and per call site (the nomination
-- policies name actor_roles() up to five times), and the guard and audit triggers call them again: about 22
-- calls per audited transition (pg_stat_user_functions), each a SECURITY DEFINER PL/pgSQL call running a
-- query, 37-70 µs apiece on an idle server. Inlined, a call reading the stored values costs about 2 µs.
-- Measured (BENCHMARKS.md, "Audited write path"): repositories 493 → 717 transitions/s at 8 tasks and
-- 510 → 682 at 32, row-level security's cost 37% → 13% and 34% → 13%.
--
-- load_actor_context() (SECURITY DEFINER, the only one that reads users, grants and delegations) stores the
-- four values transaction-locally (set_config(..., true)) under thidua.context_*, stamped with the actor id
-- they belong to. The four functions become single-expression SQL functions that PostgreSQL inlines: they
-- read the stored values while the stamp matches thidua.actor_id, and load them first when it does not
-- (first call of a transaction, or the actor changed). A change to the tables they are derived from clears
-- the stamp, so a grant or a delegation made earlier in the same transaction is seen at once.
--
-- Trade-off to review: the stored values are custom settings, which the application role can also set. A
-- client that deliberately writes thidua.context_roles could claim roles; but the same client can already
-- claim to be any user through thidua.actor_id, which the database has always trusted. An application bug
-- does not write these settings by accident.
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

-- True once the stored context is the current actor's.
CREATE FUNCTION thidua.actor_context_ready() RETURNS boolean
    LANGUAGE sql STABLE
    RETURN CASE WHEN current_setting('thidua.context_of', true) IS NOT DISTINCT FROM coalesce(current_setting('thidua.actor_id', true), '')
                THEN true ELSE thidua.load_actor_context() END;

CREATE OR REPLACE FUNCTION thidua.actor_unit_id() RETURNS uuid
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN nullif(current_setting('thidua.context_unit_id', true), '')::uuid END;

CREATE OR REPLACE FUNCTION thidua.actor_area_id() RETURNS text
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN nullif(current_setting('thidua.context_area_id', true), '') END;

CREATE OR REPLACE FUNCTION thidua.actor_roles() RETURNS text[]
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN current_setting('thidua.context_roles', true)::text[] END;

CREATE OR REPLACE FUNCTION thidua.actor_lead_movements() RETURNS uuid[]
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN current_setting('thidua.context_lead_movements', true)::uuid[] END;

-- A change to what the context is derived from makes the next call load it again.
CREATE FUNCTION thidua.forget_actor_context() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM set_config('thidua.context_of', '-', true);
    RETURN NULL;
END
$$;
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
