-- Sign-in and sessions (issue 5): bcrypt passwords checked inside PostgreSQL, session tokens stored only as
-- their SHA-256, expiry, sign-out, throttling of repeated failures per username and per address.
--
-- The server never reads a password hash: it hands the password to thidua.sign_in(), which answers with a
-- session or nothing. It generates the token itself (32 random bytes) and passes only its hash, so a copy of
-- the database holds no usable token. Every request resolves its token with thidua.session_user_id(), which
-- also refuses a disabled user at once.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES users,
    token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    ended_at timestamptz,
    address inet,
    CHECK (expires_at > created_at)
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;
COMMENT ON TABLE sessions IS '@personal (addresses): written only by the sign-in functions; a user reads their own.';

CREATE TABLE sign_in_attempts (
    id bigserial PRIMARY KEY,
    username text NOT NULL,
    address inet,
    attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    succeeded boolean NOT NULL
);
CREATE INDEX sign_in_attempts_username ON sign_in_attempts (username, attempted_at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, attempted_at);
COMMENT ON TABLE sign_in_attempts IS '@personal (addresses): for throttling and for auditors; written only by thidua.sign_in().';

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE sign_in_attempts ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY own_sessions ON sessions FOR SELECT USING (user_id = (SELECT actor_id()));
CREATE POLICY auditors_read ON sign_in_attempts FOR SELECT USING ((SELECT actor_roles()) @> ARRAY['auditor']);

-- The rules of throttling, as data an administrator can change.
CREATE TABLE sign_in_rules (
    -- One row: the rules in force.
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    window_length interval NOT NULL DEFAULT '15 minutes',
    failures_per_username integer NOT NULL DEFAULT 5 CHECK (failures_per_username > 0),
    failures_per_address integer NOT NULL DEFAULT 20 CHECK (failures_per_address > 0),
    session_lifetime interval NOT NULL DEFAULT '12 hours'
);
CREATE POLICY signed_in_read ON sign_in_rules FOR SELECT USING ((SELECT actor_id()) IS NOT NULL);
CREATE POLICY admin_edits ON sign_in_rules FOR UPDATE
    USING ((SELECT actor_roles()) @> ARRAY['admin']) WITH CHECK ((SELECT actor_roles()) @> ARRAY['admin']);
-- The defaults are part of the schema, like a column default; every later change is audited.
INSERT INTO sign_in_rules DEFAULT VALUES;
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sign_in_rules FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
ALTER TABLE sign_in_rules ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

RESET ROLE;
GRANT SELECT ON thidua.sessions, thidua.sign_in_attempts, thidua.sign_in_rules TO thidua_app, thidua_reader;
GRANT UPDATE ON thidua.sign_in_rules TO thidua_app;
GRANT SELECT, INSERT, UPDATE ON thidua.sessions TO thidua_definer;
GRANT SELECT, INSERT ON thidua.sign_in_attempts TO thidua_definer;
GRANT USAGE ON SEQUENCE thidua.sign_in_attempts_id_seq TO thidua_definer;
GRANT SELECT ON thidua.sign_in_rules TO thidua_definer;
GRANT SELECT (id, username, password_hash, active) ON thidua.users TO thidua_definer;
GRANT UPDATE (password_hash, version) ON thidua.users TO thidua_definer;

-- Signs in: NULL when throttled or when the username, password or account is wrong (the caller cannot tell
-- which, and neither can an attacker); otherwise the new session. Failures are recorded either way.
CREATE FUNCTION thidua.sign_in(given_username text, given_password text, from_address inet, new_token_hash bytea)
    RETURNS TABLE (session_id uuid, user_id uuid, expires_at timestamptz, throttled boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rules thidua.sign_in_rules;
    account record;
    name text := lower(btrim(given_username));
BEGIN
    SELECT * INTO rules FROM thidua.sign_in_rules;
    IF (SELECT count(*) FROM thidua.sign_in_attempts a
        WHERE a.username = name AND NOT a.succeeded AND a.attempted_at > now() - rules.window_length) >= rules.failures_per_username
       OR (from_address IS NOT NULL AND (SELECT count(*) FROM thidua.sign_in_attempts a
        WHERE a.address = from_address AND NOT a.succeeded AND a.attempted_at > now() - rules.window_length) >= rules.failures_per_address) THEN
        INSERT INTO thidua.sign_in_attempts (username, address, succeeded) VALUES (name, from_address, false);
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::timestamptz, true;
        RETURN;
    END IF;
    SELECT u.id, u.active, u.password_hash INTO account FROM thidua.users u WHERE u.username = name;
    -- A missing user costs a bcrypt comparison too, so timing does not tell which usernames exist.
    IF account.id IS NULL OR NOT account.active
       OR public.crypt(given_password, coalesce(account.password_hash, '$2a$10$abcdefghijklmnopqrstuu')) IS DISTINCT FROM account.password_hash THEN
        INSERT INTO thidua.sign_in_attempts (username, address, succeeded) VALUES (name, from_address, false);
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::timestamptz, false;
        RETURN;
    END IF;
    INSERT INTO thidua.sign_in_attempts (username, address, succeeded) VALUES (name, from_address, true);
    RETURN QUERY
        INSERT INTO thidua.sessions AS s (user_id, token_hash, expires_at, address)
        VALUES (account.id, new_token_hash, now() + rules.session_lifetime, from_address)
        RETURNING s.id, s.user_id, s.expires_at, false;
END
$$;

-- The user of a live session: not ended, not expired, the user still active. NULL otherwise.
CREATE FUNCTION thidua.session_user_id(given_token_hash bytea) RETURNS uuid
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT s.user_id FROM thidua.sessions s JOIN thidua.users u ON u.id = s.user_id
            WHERE s.token_hash = given_token_hash AND s.ended_at IS NULL AND s.expires_at > now() AND u.active);
END
$$;

-- The user of a live session with their profile (0004), in one round trip: what every request needs before
-- it can act. No row when the session is not live.
CREATE FUNCTION thidua.session_actor(given_token_hash bytea)
    RETURNS TABLE (user_id uuid, unit_id uuid, unit_kind text, area_id text, own_roles text[], delegated_roles text[],
                   delegators uuid[], lead_movements uuid[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    person uuid := thidua.session_user_id(given_token_hash);
BEGIN
    RETURN QUERY SELECT person, p.* FROM thidua.actor_profile_of(person) p WHERE person IS NOT NULL;
END
$$;

-- Ends the session of this token (sign-out); true when there was one to end.
CREATE FUNCTION thidua.sign_out(given_token_hash bytea) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE thidua.sessions SET ended_at = now() WHERE token_hash = given_token_hash AND ended_at IS NULL;
    RETURN FOUND;
END
$$;

-- The acting user changes their own password, proving the old one; every session of theirs ends except the
-- one named. Audited as a change of the user (the hash itself never enters the trail).
CREATE FUNCTION thidua.change_password(old_password text, new_password text, keep_token_hash bytea) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF length(new_password) < 10 THEN
        RAISE EXCEPTION 'a password has at least 10 characters' USING ERRCODE = 'TD012';
    END IF;
    UPDATE thidua.users u SET password_hash = public.crypt(new_password, public.gen_salt('bf', 10)), version = u.version + 1
    WHERE u.id = me AND u.active AND u.password_hash = public.crypt(old_password, u.password_hash);
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    UPDATE thidua.sessions SET ended_at = now() WHERE user_id = me AND ended_at IS NULL AND token_hash IS DISTINCT FROM keep_token_hash;
    RETURN true;
END
$$;

-- Disabling a user ends their sessions in the same transaction.
CREATE FUNCTION thidua.end_sessions_of_disabled_user() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    UPDATE thidua.sessions SET ended_at = now() WHERE user_id = NEW.id AND ended_at IS NULL;
    RETURN NULL;
END
$$;
CREATE TRIGGER users_disabled_end_sessions AFTER UPDATE OF active ON thidua.users
    FOR EACH ROW WHEN (OLD.active AND NOT NEW.active) EXECUTE FUNCTION thidua.end_sessions_of_disabled_user();

ALTER FUNCTION thidua.sign_in(text, text, inet, bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.session_user_id(bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.session_actor(bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.sign_out(bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.change_password(text, text, bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.end_sessions_of_disabled_user() OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.sign_in(text, text, inet, bytea), thidua.session_user_id(bytea), thidua.session_actor(bytea), thidua.sign_out(bytea),
    thidua.change_password(text, text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.sign_in(text, text, inet, bytea), thidua.session_user_id(bytea), thidua.session_actor(bytea), thidua.sign_out(bytea),
    thidua.change_password(text, text, bytea) TO thidua_app;
