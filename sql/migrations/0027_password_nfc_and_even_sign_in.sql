-- Passwords are compared as Unicode NFC, and a failed sign-in costs the same whoever it names (issue 13, item 4).
--
-- NFC: "Mật khẩu" typed as precomposed letters (most keyboards) and as letters followed by combining marks
-- (Unikey's "Unicode tổ hợp", some phones) are one password to the person typing it, but two byte strings to
-- bcrypt. Both functions now hash and compare normalize(…, NFC); NewAccount (every account made) hashes the
-- NFC form too.
-- A hash made before this migration from a decomposed password is still matched by the password as typed, so
-- nobody is locked out by the upgrade (there is no reset to fall back on); the next password change stores NFC.
--
-- Even time: 0019's sign_in wrote its dummy comparison inside `account.id IS NULL OR NOT account.active OR
-- crypt(…) …`, and PostgreSQL evaluates OR from the left and stops at the first true: an unknown or disabled
-- username never reached bcrypt and was answered some 30 times faster than a wrong password (2.5 ms against
-- 82 ms here), which told an attacker which usernames exist (SignInTimingTests). Now bcrypt runs first, on
-- its own, for every try that is not throttled: against the account's own hash, or against a fixed salt of
-- the cost accounts are hashed with (bf 10, as NewAccount and change_password) when there is no
-- account. The round trips were already the same: one call, one lock, one attempt recorded.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- Both functions belong to thidua_definer, which thidua_owner is not a member of: they are replaced as the
-- migrator, with the same signatures (owner and grants stay as 0019 set them).
RESET ROLE;

CREATE OR REPLACE FUNCTION thidua.sign_in(given_username text, given_password text, from_address inet, new_token_hash bytea)
    RETURNS TABLE (session_id uuid, user_id uuid, expires_at timestamptz, throttled boolean, retry_after integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rules thidua.sign_in_rules;
    account record;
    name text := lower(btrim(given_username));
    typed text := normalize(given_password, NFC);
    stored text;
    matches boolean;
    matches_as_typed boolean;
    wait integer;
BEGIN
    SELECT * INTO rules FROM thidua.sign_in_rules;
    PERFORM thidua.lock_sign_in_pair(name, from_address);
    wait := thidua.sign_in_wait(name, from_address);
    IF wait > 0 THEN
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::timestamptz, true, wait;
        RETURN;
    END IF;
    SELECT u.id, u.active, u.password_hash INTO account FROM thidua.users u WHERE u.username = name;
    -- Every try pays for bcrypt before anything about the account is looked at (see the header).
    stored := coalesce(account.password_hash, '$2a$10$abcdefghijklmnopqrstuu');
    matches := public.crypt(typed, stored) = stored;
    IF typed IS DISTINCT FROM given_password THEN
        -- A hash from before 0027 of a password typed decomposed. Whether this second bcrypt runs depends on
        -- what was typed only, never on the account.
        matches_as_typed := public.crypt(given_password, stored) = stored;
        matches := matches OR matches_as_typed;
    END IF;
    IF account.id IS NULL OR NOT account.active OR NOT matches THEN
        INSERT INTO thidua.sign_in_attempts (username, address, succeeded) VALUES (name, from_address, false);
        RETURN QUERY SELECT NULL::uuid, NULL::uuid, NULL::timestamptz, false, NULL::integer;
        RETURN;
    END IF;
    INSERT INTO thidua.sign_in_attempts (username, address, succeeded) VALUES (name, from_address, true);
    RETURN QUERY
        INSERT INTO thidua.sessions AS s (user_id, token_hash, expires_at, address)
        VALUES (account.id, new_token_hash, now() + rules.session_lifetime, from_address)
        RETURNING s.id, s.user_id, s.expires_at, false, NULL::integer;
END
$$;

-- 0019's, with both passwords as NFC: the new one is stored as NFC, and its length counted in NFC's characters
-- (a decomposed "ậ" is three code points but one letter); the old one is compared as sign_in compares it.
CREATE OR REPLACE FUNCTION thidua.change_password(old_password text, new_password text, keep_token_hash bytea, from_address inet) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    old_typed text := normalize(old_password, NFC);
    new_typed text := normalize(new_password, NFC);
    name text;
    wait integer;
    changed boolean;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF length(new_typed) < 10 THEN
        RAISE EXCEPTION 'a password has at least 10 characters' USING ERRCODE = 'TD012';
    END IF;
    SELECT u.username INTO name FROM thidua.users u WHERE u.id = me;
    PERFORM thidua.lock_sign_in_pair(name, from_address);
    wait := thidua.sign_in_wait(name, from_address);
    IF wait > 0 THEN
        RAISE EXCEPTION 'too many wrong passwords: wait % seconds', wait USING ERRCODE = 'TD013', DETAIL = 'retry_after=' || wait;
    END IF;
    UPDATE thidua.users u SET password_hash = public.crypt(new_typed, public.gen_salt('bf', 10)), version = u.version + 1
    WHERE u.id = me AND u.active
      AND (u.password_hash = public.crypt(old_typed, u.password_hash)
           OR (old_typed IS DISTINCT FROM old_password AND u.password_hash = public.crypt(old_password, u.password_hash)));
    changed := FOUND;
    INSERT INTO thidua.sign_in_attempts (username, address, succeeded, kind) VALUES (name, from_address, changed, 'password_change');
    IF NOT changed THEN
        RETURN false;
    END IF;
    UPDATE thidua.sessions SET ended_at = now() WHERE user_id = me AND ended_at IS NULL AND token_hash IS DISTINCT FROM keep_token_hash;
    RETURN true;
END
$$;
