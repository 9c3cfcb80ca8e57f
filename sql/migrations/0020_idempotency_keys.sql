-- Safe retries (issue 12, item 4): a create whose answer the client lost is not made twice when the client
-- sends it again with the same Idempotency-Key. The key is claimed inside the transaction of the change itself
-- (RecordStore calls thidua.claim_idempotency_key before COMMIT), so the change and its key commit together or
-- not at all: a second request with the key, even one racing the first, fails on the key and its own change is
-- rolled back. The first answer is stored after the commit for replays; a key is kept for a day.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE idempotency_keys (
    actor_id uuid NOT NULL REFERENCES users (id),
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    -- The method and path, and the SHA-256 of the body: the same key with another request is refused.
    route text NOT NULL,
    request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
    request_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- The first answer, once it was sent (NULL while the request runs, or if the server stopped before storing it).
    status integer CHECK (status BETWEEN 200 AND 299),
    content_type text,
    body bytea,
    PRIMARY KEY (actor_id, key)
);
COMMENT ON TABLE idempotency_keys IS '@personal (answers): a user''s create requests of the last day and their answers, for safe retries.';
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY own_keys ON idempotency_keys FOR SELECT USING (actor_id = (SELECT actor_id()));
-- The answer is written once, by the request that claimed the key.
CREATE POLICY own_answer ON idempotency_keys FOR UPDATE
    USING (actor_id = (SELECT actor_id()) AND status IS NULL) WITH CHECK (actor_id = (SELECT actor_id()));

RESET ROLE;
GRANT SELECT ON thidua.idempotency_keys TO thidua_app;
GRANT UPDATE (status, content_type, body) ON thidua.idempotency_keys TO thidua_app;
GRANT SELECT, INSERT, DELETE ON thidua.idempotency_keys TO thidua_definer;

-- Claims `given_key` for the acting user inside the current transaction. The same request claiming again (a
-- route that writes twice) is a no-op; a key of the last day held by another request raises TD060, which
-- aborts this transaction and so undoes its change. A key older than a day is forgotten and claimed anew.
CREATE FUNCTION thidua.claim_idempotency_key(given_key text, given_route text, given_hash text, given_request_id text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me uuid := thidua.actor_id();
    holder text;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'TD001';
    END IF;
    DELETE FROM thidua.idempotency_keys k WHERE k.actor_id = me AND k.key = given_key AND k.created_at <= now() - interval '1 day';
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
ALTER FUNCTION thidua.claim_idempotency_key(text, text, text, text) OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.claim_idempotency_key(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.claim_idempotency_key(text, text, text, text) TO thidua_app;
