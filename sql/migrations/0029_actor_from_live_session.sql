-- The acting user comes from a live session, checked by PostgreSQL (issue 13, item 1).
--
-- Until now the application named the actor: set_config('thidua.actor_id', …) at the start of each
-- transaction, and the actor context (unit, area, roles, led movements: 0004) was loaded for whoever it
-- named. Whoever held the thidua_app password could therefore act as any user, and the trail would name that
-- user. Now:
--
--   * a transaction of the application presents the session's token: thidua.present_session(token) hashes
--     it, finds the live session (not ended, not expired, its user active) and sets the actor context
--     itself, sealed with an HMAC under a key only thidua_definer can read (actor_context_key), bound to the
--     backend and the transaction's start, so a seal can be neither forged nor carried into another
--     transaction. The token itself is kept only by the client: the database holds its SHA-256, so neither a
--     copy of the database nor the application's own reads of it yield a usable token;
--   * a superuser session (the installer, the demo's and the tests' set-up) acts as a user or as the
--     installer with thidua.act_as(user); the application's role cannot;
--   * 'thidua.actor_id' is no longer read by anything, and the context settings written any other way are
--     refused: every table carries a RESTRICTIVE policy that holds only while the context is unset or its seal
--     verifies (so a forged context sees no row and writes none), and inside SECURITY DEFINER functions —
--     which bypass row-level security — the actor_*() functions answer NULL for a context whose seal fails,
--     so the audit trigger refuses the write (TD001) and no definer function acts for a forged actor.
--
-- The cost stays off the rows: the policies call the check once per statement and table (an InitPlan), and
-- the actor_*() functions stay single expressions PostgreSQL inlines, verifying only in definer functions.
--
-- PostgREST trusts the proxy's claim once it has checked the JWT's signature in the server, then SET ROLE;
-- a compromised PostgREST (or its authenticator password) can still claim any role. Here the database checks
-- the claim itself and the application's role can assume no one: it must hold the user's token.

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- One row: the key of the context seals. Only thidua_definer reads it (BYPASSRLS; no policy lets anyone else).
CREATE TABLE actor_context_key (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    key bytea NOT NULL CHECK (octet_length(key) = 32)
);
COMMENT ON TABLE actor_context_key IS 'The HMAC key sealing the actor context of a transaction (0029); read only by thidua_definer.';
ALTER TABLE actor_context_key ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- What the seal covers: the context, the backend and the transaction's start.
CREATE FUNCTION actor_context_payload() RETURNS text
    LANGUAGE sql STABLE
    RETURN concat_ws('|', current_setting('thidua.context_of', true), current_setting('thidua.context_unit_id', true),
                     current_setting('thidua.context_area_id', true), current_setting('thidua.context_roles', true),
                     current_setting('thidua.context_lead_movements', true), pg_backend_pid()::text,
                     (extract(epoch FROM now()) * 1000000)::bigint::text);

RESET ROLE;
-- As the migrating superuser: the owner itself is under the table's forced row-level security.
INSERT INTO thidua.actor_context_key (key) VALUES (public.gen_random_bytes(32));
GRANT SELECT ON thidua.actor_context_key TO thidua_definer;
GRANT SELECT ON thidua.sessions TO thidua_definer;

-- Whether the transaction's actor context is unset or sealed by establish_actor_context below.
CREATE FUNCTION thidua.actor_context_verified() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF coalesce(current_setting('thidua.context_of', true), '') = '' THEN
        RETURN true;
    END IF;
    RETURN coalesce(current_setting('thidua.context_mac', true), '') = (
        SELECT encode(public.hmac(convert_to(thidua.actor_context_payload(), 'UTF8'), k.key, 'sha256'), 'hex')
        FROM thidua.actor_context_key k);
END
$$;
ALTER FUNCTION thidua.actor_context_verified() OWNER TO thidua_definer;

-- Sets the context of `person` for the rest of the transaction and seals it. The nil id is the installer: no
-- unit, no roles. Not callable by the application: present_session, act_as and refresh_actor_context call it.
CREATE FUNCTION thidua.establish_actor_context(person uuid) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    unit uuid;
    area text;
BEGIN
    SELECT u.unit_id, n.area_id INTO unit, area
    FROM thidua.users u JOIN thidua.units n ON n.id = u.unit_id WHERE u.id = person AND u.active;
    PERFORM set_config('thidua.context_of', person::text, true),
            set_config('thidua.context_unit_id', coalesce(unit::text, ''), true),
            set_config('thidua.context_area_id', coalesce(area, ''), true),
            set_config('thidua.context_roles', (
                SELECT coalesce(array_agg(DISTINCT held.role ORDER BY held.role), '{}')
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
                WHERE me.id = person AND me.active)::text, true),
            set_config('thidua.context_lead_movements', (
                SELECT coalesce(array_agg(l.movement_id ORDER BY l.movement_id), '{}')
                FROM thidua.movement_lead_units l JOIN thidua.users u ON u.unit_id = l.unit_id
                WHERE u.id = person AND u.active AND l.part = 'lead')::text, true);
    PERFORM set_config('thidua.context_mac', (
        SELECT encode(public.hmac(convert_to(thidua.actor_context_payload(), 'UTF8'), k.key, 'sha256'), 'hex')
        FROM thidua.actor_context_key k), true);
END
$$;
ALTER FUNCTION thidua.establish_actor_context(uuid) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.establish_actor_context(uuid) FROM PUBLIC;

-- The application's way in: the token of a live session (as the client holds it). Refused with TD001 — and
-- the context cleared — when the session is not live.
CREATE FUNCTION thidua.present_session(token text) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    person uuid := thidua.session_user_id(public.digest(convert_to(token, 'UTF8'), 'sha256'));
BEGIN
    IF person IS NULL THEN
        PERFORM set_config('thidua.context_of', '', true), set_config('thidua.context_mac', '', true);
        RAISE EXCEPTION 'no live session: sign in again' USING ERRCODE = 'TD001';
    END IF;
    PERFORM thidua.establish_actor_context(person);
    RETURN person;
END
$$;
ALTER FUNCTION thidua.present_session(text) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.present_session(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.present_session(text) TO thidua_app, thidua_reader;

-- A superuser session acting as `person` (the nil id: the installer). Refused (TD008) from any other session.
CREATE FUNCTION thidua.act_as(person uuid) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION 'only a superuser session acts as a user without their session' USING ERRCODE = 'TD008';
    END IF;
    PERFORM thidua.establish_actor_context(person);
    RETURN person;
END
$$;
ALTER FUNCTION thidua.act_as(uuid) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.act_as(uuid) FROM PUBLIC;
-- The application's transactions name act_as in the branch of their first statement that they never take
-- (RecordStore.identification); PostgreSQL checks the right to call it all the same, and act_as refuses them.
GRANT EXECUTE ON FUNCTION thidua.act_as(uuid) TO thidua_app, thidua_reader;

-- A session for `person` opened by a superuser session (the demo's and the tests' set-up, an operator's
-- emergency access), with its token's hash as sign_in takes it. Not the application's.
CREATE FUNCTION thidua.open_session(person uuid, new_token_hash bytea) RETURNS uuid
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    opened uuid;
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION 'only a superuser session opens a session without a password' USING ERRCODE = 'TD008';
    END IF;
    INSERT INTO thidua.sessions (user_id, token_hash, expires_at)
    SELECT person, new_token_hash, now() + r.session_lifetime FROM thidua.sign_in_rules r
    RETURNING id INTO opened;
    RETURN opened;
END
$$;
ALTER FUNCTION thidua.open_session(uuid, bytea) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.open_session(uuid, bytea) FROM PUBLIC;

-- A change to what the context derives from (a grant made earlier in the same transaction) recomputes it for
-- the same, verified actor; an unverified context is cleared instead.
CREATE FUNCTION thidua.refresh_actor_context() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    person uuid := nullif(current_setting('thidua.context_of', true), '')::uuid;
BEGIN
    IF person IS NULL THEN
        RETURN;
    ELSIF thidua.actor_context_verified() THEN
        PERFORM thidua.establish_actor_context(person);
    ELSE
        PERFORM set_config('thidua.context_of', '', true), set_config('thidua.context_mac', '', true);
    END IF;
END
$$;
ALTER FUNCTION thidua.refresh_actor_context() OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.refresh_actor_context() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.refresh_actor_context() TO thidua_app, thidua_reader;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- The context functions read only the sealed context. Outside definer functions (row-level security, the
-- guards) they stay single inlined expressions, and the restrictive policies below stand for the seal;
-- inside a definer function (current_user thidua_definer, past row-level security) they check the seal.
CREATE OR REPLACE FUNCTION thidua.actor_context_ready() RETURNS boolean
    LANGUAGE sql STABLE
    RETURN coalesce(current_setting('thidua.context_of', true), '') <> ''
           AND (current_user <> 'thidua_definer' OR thidua.actor_context_verified());

CREATE OR REPLACE FUNCTION thidua.actor_id() RETURNS uuid
    LANGUAGE sql STABLE
    RETURN CASE WHEN thidua.actor_context_ready() THEN current_setting('thidua.context_of', true)::uuid END;

CREATE OR REPLACE FUNCTION thidua.forget_actor_context() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM thidua.refresh_actor_context();
    RETURN NULL;
END
$$;

RESET ROLE;
-- Nothing reads it now; the context is established, never loaded lazily from an unchecked claim.
DROP FUNCTION thidua.load_actor_context();

-- Every table: no row for a context whose seal fails.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'thidua' AND c.relkind IN ('r', 'p') AND c.relrowsecurity LOOP
        EXECUTE format('CREATE POLICY sealed_actor_context ON thidua.%I AS RESTRICTIVE FOR ALL USING ((SELECT thidua.actor_context_verified())) WITH CHECK ((SELECT thidua.actor_context_verified()))',
                       t.relname);
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION thidua.actor_context_verified() TO PUBLIC;
