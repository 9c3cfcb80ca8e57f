-- Throttling that slows attackers without locking users out (issue 13, item 3; OWASP's authentication
-- guidance). 0008 refused an account for 15 minutes after 5 wrong passwords from anywhere, so anyone could lock
-- the chairman out; refused everyone behind an address after 20; counted a refused attempt as one more failure,
-- extending the penalty; and did not throttle the old password of a password change at all.
--
-- Now failures are counted per (username, address) pair and per address, and after a few free ones each further
-- attempt must wait a delay that doubles with every failure (first_delay, 2 × first_delay, … up to longest_delay),
-- counted from the last failure. An attempt made while it must wait is refused with the seconds left and is not
-- recorded, so it never extends the wait. Nothing is counted per username across addresses any more: the right
-- password from an address without recent failures for the account always works.
--
-- The two counts differ on purpose. A pair's count is its latest run of failures: a success of the pair ends
-- the run, and so does forget_after (a day) without a failure, so an attacker cannot pause a quarter of an hour
-- and find the free failures back; its owner, who signs in, starts again at once. An address's count is of the
-- last window_length only and no success clears it (or an attacker's own account would): many people share an
-- office's address, and their typos over a day must not add up.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- The old limits become the free failures before the delays start; their values (and any change an
-- administrator made) carry over.
ALTER TABLE sign_in_rules RENAME COLUMN failures_per_username TO free_failures_per_pair;
ALTER TABLE sign_in_rules RENAME COLUMN failures_per_address TO free_failures_per_address;
ALTER TABLE sign_in_rules
    ADD COLUMN first_delay interval NOT NULL DEFAULT '1 second' CHECK (first_delay > '0'),
    ADD COLUMN longest_delay interval NOT NULL DEFAULT '10 minutes',
    ADD COLUMN forget_after interval NOT NULL DEFAULT '1 day' CHECK (forget_after > '0'),
    ADD CONSTRAINT sign_in_rules_delays CHECK (longest_delay >= first_delay);
COMMENT ON COLUMN sign_in_rules.window_length IS 'An address''s failures older than this are forgotten.';
COMMENT ON COLUMN sign_in_rules.forget_after IS 'A (username, address) pair''s run of failures ends after this long without one.';

-- A wrong old password of a password change counts for the pair like a failed sign-in; auditors tell them apart.
ALTER TABLE sign_in_attempts ADD COLUMN kind text NOT NULL DEFAULT 'sign_in' CHECK (kind IN ('sign_in', 'password_change'));
CREATE INDEX sign_in_attempts_pair ON sign_in_attempts (username, address, attempted_at);
COMMENT ON TABLE sign_in_attempts IS
    '@personal (addresses): for throttling and for auditors; written only by thidua.sign_in() and thidua.change_password().';

-- The wait after the last of `failures` failures, or NULL when they are still free: it doubles with each
-- failure past `free_failures`, up to longest_delay. The exponent stops at 30: by then any sane longest_delay
-- has been reached.
CREATE FUNCTION sign_in_delay(failures integer, free_failures integer, rules sign_in_rules) RETURNS interval
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
    RETURN CASE WHEN failures >= free_failures
                THEN least(rules.longest_delay, rules.first_delay * power(2, least(failures - free_failures, 30))) END;

-- The whole seconds `name` must still wait before trying a password from `from_address` (0 when it need not):
-- the longer of the pair's wait and the address's. A NULL address (a local command) is one address of its own
-- for the pair and has no address-wide count. The length of a pair's run stops mattering once its delay is the
-- longest, so at most free + 31 of its failures are read.
CREATE FUNCTION sign_in_wait(name text, from_address inet) RETURNS integer
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rules thidua.sign_in_rules;
    run integer := 0;
    newer timestamptz := clock_timestamp();
    failure timestamptz;
    last_failure timestamptz;
    address_failures integer;
    ends timestamptz;
BEGIN
    SELECT * INTO rules FROM thidua.sign_in_rules;
    FOR failure IN
        SELECT a.attempted_at FROM thidua.sign_in_attempts a
        WHERE a.username = name AND a.address IS NOT DISTINCT FROM from_address AND NOT a.succeeded
          AND a.attempted_at > coalesce((SELECT max(s.attempted_at) FROM thidua.sign_in_attempts s
                                         WHERE s.username = name AND s.address IS NOT DISTINCT FROM from_address AND s.succeeded),
                                        '-infinity')
        ORDER BY a.attempted_at DESC LIMIT rules.free_failures_per_pair + 31
    LOOP
        EXIT WHEN newer - failure >= rules.forget_after;
        last_failure := coalesce(last_failure, failure);
        run := run + 1;
        newer := failure;
    END LOOP;
    ends := last_failure + thidua.sign_in_delay(run, rules.free_failures_per_pair, rules);
    IF from_address IS NOT NULL THEN
        SELECT count(*), max(a.attempted_at) INTO address_failures, last_failure FROM thidua.sign_in_attempts a
        WHERE a.address = from_address AND NOT a.succeeded AND a.attempted_at > clock_timestamp() - rules.window_length;
        ends := greatest(ends, last_failure + thidua.sign_in_delay(address_failures, rules.free_failures_per_address, rules));
    END IF;
    RETURN greatest(0, ceil(extract(epoch FROM ends - clock_timestamp())))::integer;
END
$$;

-- Two attempts of one pair at once would both find the wait over and both try a password: each takes this
-- transaction-level lock first, so the second sees the first's failure. Different usernames from one address
-- (an office behind one NAT) never wait for each other.
CREATE FUNCTION lock_sign_in_pair(name text, from_address inet) RETURNS void
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('thidua.sign_in'), hashtext(name || ' ' || coalesce(host(from_address), '')));
END
$$;

RESET ROLE;

-- A new column (retry_after) changes sign_in's result, and change_password takes the address: both are dropped
-- and created again, with 0008's owner and grants.
DROP FUNCTION thidua.sign_in(text, text, inet, bytea);
DROP FUNCTION thidua.change_password(text, text, bytea);

-- Signs in: no session when throttled (throttled, with retry_after the seconds to wait) or when the username,
-- password or account is wrong (the caller cannot tell which, and neither can an attacker); otherwise the new
-- session. Failures are recorded, refused attempts are not.
CREATE FUNCTION thidua.sign_in(given_username text, given_password text, from_address inet, new_token_hash bytea)
    RETURNS TABLE (session_id uuid, user_id uuid, expires_at timestamptz, throttled boolean, retry_after integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rules thidua.sign_in_rules;
    account record;
    name text := lower(btrim(given_username));
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
    -- A missing user costs a bcrypt comparison too, so timing does not tell which usernames exist.
    IF account.id IS NULL OR NOT account.active
       OR public.crypt(given_password, coalesce(account.password_hash, '$2a$10$abcdefghijklmnopqrstuu')) IS DISTINCT FROM account.password_hash THEN
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

-- The acting user changes their own password, proving the old one; every session of theirs ends except the
-- one named. Audited as a change of the user (the hash itself never enters the trail). A wrong old password is
-- a failure of (username, from_address), throttled as sign-in is: while the pair or the address must wait, the
-- change is refused with TD013 and DETAIL retry_after=<seconds>, before any password is compared.
CREATE FUNCTION thidua.change_password(old_password text, new_password text, keep_token_hash bytea, from_address inet) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    name text;
    wait integer;
    changed boolean;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    IF length(new_password) < 10 THEN
        RAISE EXCEPTION 'a password has at least 10 characters' USING ERRCODE = 'TD012';
    END IF;
    SELECT u.username INTO name FROM thidua.users u WHERE u.id = me;
    PERFORM thidua.lock_sign_in_pair(name, from_address);
    wait := thidua.sign_in_wait(name, from_address);
    IF wait > 0 THEN
        RAISE EXCEPTION 'too many wrong passwords: wait % seconds', wait USING ERRCODE = 'TD013', DETAIL = 'retry_after=' || wait;
    END IF;
    UPDATE thidua.users u SET password_hash = public.crypt(new_password, public.gen_salt('bf', 10)), version = u.version + 1
    WHERE u.id = me AND u.active AND u.password_hash = public.crypt(old_password, u.password_hash);
    changed := FOUND;
    INSERT INTO thidua.sign_in_attempts (username, address, succeeded, kind) VALUES (name, from_address, changed, 'password_change');
    IF NOT changed THEN
        RETURN false;
    END IF;
    UPDATE thidua.sessions SET ended_at = now() WHERE user_id = me AND ended_at IS NULL AND token_hash IS DISTINCT FROM keep_token_hash;
    RETURN true;
END
$$;

ALTER FUNCTION thidua.sign_in(text, text, inet, bytea) OWNER TO thidua_definer;
ALTER FUNCTION thidua.change_password(text, text, bytea, inet) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.sign_in(text, text, inet, bytea), thidua.change_password(text, text, bytea, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.sign_in(text, text, inet, bytea), thidua.change_password(text, text, bytea, inet) TO thidua_app;
-- The helpers read every attempt past row-level security only as the definer functions' owner calls them.
REVOKE ALL ON FUNCTION thidua.sign_in_delay(integer, integer, thidua.sign_in_rules), thidua.sign_in_wait(text, inet),
    thidua.lock_sign_in_pair(text, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.sign_in_delay(integer, integer, thidua.sign_in_rules), thidua.sign_in_wait(text, inet),
    thidua.lock_sign_in_pair(text, inet) TO thidua_definer;
