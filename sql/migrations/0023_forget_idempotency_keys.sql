-- Idempotency keys are forgotten (issue 12): 0020 kept a user's keys past their day and only replaced one when
-- the same key came again, so the table grew with every keyed request ever made. Now a claim first deletes the
-- claiming user's keys older than a day, through an index that reaches exactly those, so at most one day of
-- keys per user is ever kept, with no job to schedule. The rest of the claim is 0020's.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (actor_id, created_at);

-- The function belongs to thidua_definer, which thidua_owner is not a member of: it is replaced as the
-- migrator (owner and grants stay as 0020 set them).
RESET ROLE;

CREATE OR REPLACE FUNCTION thidua.claim_idempotency_key(given_key text, given_route text, given_hash text, given_request_id text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    holder text;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    DELETE FROM thidua.idempotency_keys k WHERE k.actor_id = me AND k.created_at <= now() - interval '1 day';
    INSERT INTO thidua.idempotency_keys (actor_id, key, route, request_hash, request_id)
    VALUES (me, given_key, given_route, given_hash, given_request_id)
    ON CONFLICT (actor_id, key) DO NOTHING;
    IF FOUND THEN
        RETURN;
    END IF;
    SELECT k.request_id INTO holder FROM thidua.idempotency_keys k WHERE k.actor_id = me AND k.key = given_key;
    IF holder IS DISTINCT FROM given_request_id THEN
        RAISE EXCEPTION 'the idempotency key was used by another request' USING ERRCODE = 'TD060', DETAIL = 'request_id=' || holder;
    END IF;
END
$$;
