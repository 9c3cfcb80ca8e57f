-- Checkpoints of the audit trail (DESIGN.md §6): every so often an auditor or the secretariat seals all events
-- written since the previous checkpoint under one root, and the roots form a chain of their own.
--
-- The per-record chains of 0005 show an event edited or removed in the middle of a chain; they cannot show the
-- last events of a chain removed, nor a forged event appended to a chain with a freshly computed hash. A
-- checkpoint can: it records the head (last seq and hash) of every record chain that changed since the previous
-- checkpoint, so a head that vanished, a chain rewritten up to its head, or an event whose id lies inside a
-- sealed range without being sealed there all show. The roots chain the checkpoints, so a checkpoint edited or
-- removed shows too; a root the auditor keeps outside the database (printed, or sent to the district) catches
-- even a superuser who rewrote events, heads and every checkpoint after them.
--
-- Canonical bytes, which the Swift verifier (Sources/ThiduaCore/Audit) recomputes on its own:
--   field(x)       = the decimal number of UTF-8 bytes of x, ':', then x (as in audit_canonical; no field is NULL)
--   head entry     = field(record_type) ‖ field(record_id) ‖ field(seq as decimal) ‖ field(hash as 64 lowercase hex digits)
--   heads_digest   = SHA-256(UTF-8 of the head entries of the checkpoint, concatenated in byte order of
--                    (record_type, record_id), i.e. COLLATE "C"; one entry per record chain that changed)
--   checkpoint     = field(id) ‖ field(sealed_at as integer microseconds since 1970-01-01 00:00 UTC)
--                    ‖ field(sealed_by as lowercase uuid) ‖ field(first_event_id) ‖ field(last_event_id)
--                    ‖ field(event_count), all integers in decimal
--   root           = SHA-256(previous_root (32 bytes) ‖ UTF-8 of checkpoint ‖ heads_digest (32 bytes))
-- The first checkpoint's previous_root is 32 zero bytes. Ids run 1, 2, 3… and the sealed ranges tile the event
-- ids: first_event_id = the previous checkpoint's last_event_id + 1 (1 for the first), last_event_id = the
-- highest event id sealed, event_count = the number of events with an id in [first_event_id, last_event_id].
-- A record's head in a checkpoint is its event with the highest seq among those with an id in that range.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE audit_checkpoints (
    id bigint PRIMARY KEY CHECK (id > 0),
    sealed_at timestamptz NOT NULL,
    sealed_by uuid NOT NULL,
    first_event_id bigint NOT NULL,
    last_event_id bigint NOT NULL,
    event_count bigint NOT NULL CHECK (event_count > 0),
    heads_digest bytea NOT NULL CHECK (octet_length(heads_digest) = 32),
    previous_root bytea NOT NULL CHECK (octet_length(previous_root) = 32),
    root bytea NOT NULL CHECK (octet_length(root) = 32),
    CHECK (first_event_id <= last_event_id),
    CHECK (event_count <= last_event_id - first_event_id + 1)
);
COMMENT ON TABLE audit_checkpoints IS 'Append-only. Written only by seal_audit_checkpoint(); the canonical bytes of heads_digest and root are defined in 0007.';

-- Byte order ("C"), like the events' record keys (0005): the order heads are digested in and the order the
-- verifier streams chains in, so it compares record keys without knowing the database's Vietnamese collation.
CREATE TABLE audit_checkpoint_heads (
    checkpoint_id bigint NOT NULL REFERENCES audit_checkpoints DEFERRABLE INITIALLY DEFERRED,
    record_type text COLLATE "C" NOT NULL,
    record_id text COLLATE "C" NOT NULL,
    seq integer NOT NULL CHECK (seq > 0),
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (checkpoint_id, record_type, record_id)
);
CREATE UNIQUE INDEX audit_checkpoint_heads_chain ON audit_checkpoint_heads (record_type, record_id, seq, checkpoint_id);
COMMENT ON TABLE audit_checkpoint_heads IS 'Append-only. The head of every record chain that changed within a checkpoint''s range.';

CREATE FUNCTION audit_head_canonical(record_type text, record_id text, seq integer, hash bytea) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
    SELECT string_agg(octet_length(f)::text || ':' || f, '' ORDER BY n)
    FROM unnest(ARRAY[record_type, record_id, seq::text, encode(hash, 'hex')]) WITH ORDINALITY AS t(f, n);
END;

CREATE FUNCTION audit_checkpoint_canonical(
    id bigint, sealed_at timestamptz, sealed_by uuid, first_event_id bigint, last_event_id bigint, event_count bigint
) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
BEGIN ATOMIC
    SELECT string_agg(octet_length(f)::text || ':' || f, '' ORDER BY n)
    FROM unnest(ARRAY[
        id::text, (extract(epoch FROM sealed_at) * 1000000)::bigint::text, sealed_by::text,
        first_event_id::text, last_event_id::text, event_count::text
    ]) WITH ORDINALITY AS t(f, n);
END;

-- Never changed, like the events. Statement triggers, so the refusal shows even where row-level security
-- leaves a statement no rows to touch (the owner has no UPDATE or DELETE policy, so a row trigger would never
-- fire and the statement would quietly change nothing).
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_checkpoint_heads_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_checkpoint_heads
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_append_only_statement BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- write_audit_event (0005) takes an event's id from the sequence before its INSERT locks audit_events, so a
-- checkpoint sealed in between could cover that id while the event is not yet there; it would then look
-- inserted into a sealed range. Sealing records the highest id it sealed here (a sequence, so every
-- transaction sees it at once, whatever its snapshot), and an event whose id is not above it takes a new one:
-- its INSERT holds the table lock by then, so the next id is above anything a checkpoint can have sealed.
CREATE SEQUENCE audit_sealed_watermark AS bigint MINVALUE 0 START 0;

CREATE FUNCTION keep_audit_ids_above_seal() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.id <= (SELECT w.last_value FROM thidua.audit_sealed_watermark w) THEN
        NEW.id := nextval('thidua.audit_events_id_seq');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_events_above_seal BEFORE INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION keep_audit_ids_above_seal();

-- Readers: auditors and the secretariat (who seal). No one but seal_audit_checkpoint() writes.
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_checkpoint_heads ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY overseers_read ON audit_checkpoints FOR SELECT
    USING ((SELECT actor_oversees()));
CREATE POLICY overseers_read ON audit_checkpoint_heads FOR SELECT
    USING ((SELECT actor_oversees()));

-- Sealing must wait for writers (SHARE conflicts with their ROW EXCLUSIVE) and for another sealer. LOCK needs
-- more than the SELECT and INSERT thidua_definer holds on these tables; rather than grant it UPDATE or
-- TRUNCATE on the trail, the owner lends it just these two locks.
CREATE FUNCTION lock_audit_for_sealing() RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
    LOCK TABLE thidua.audit_checkpoints IN EXCLUSIVE MODE;
    LOCK TABLE thidua.audit_events IN SHARE MODE;
$$;
REVOKE ALL ON FUNCTION lock_audit_for_sealing() FROM PUBLIC;

RESET ROLE;
GRANT EXECUTE ON FUNCTION thidua.lock_audit_for_sealing() TO thidua_definer;
GRANT SELECT, INSERT ON thidua.audit_checkpoints, thidua.audit_checkpoint_heads TO thidua_definer;
GRANT SELECT, UPDATE ON SEQUENCE thidua.audit_sealed_watermark TO thidua_definer;
GRANT SELECT ON thidua.audit_checkpoints, thidua.audit_checkpoint_heads TO thidua_app, thidua_reader;
-- The verifier (0001) reads the whole trail and nothing else.
GRANT SELECT ON thidua.audit_events, thidua.audit_checkpoints, thidua.audit_checkpoint_heads TO thidua_verifier;

-- Seals every event with an id above the previous checkpoint's range and returns the new checkpoint, or NULL
-- when there is nothing new. The acting user must hold auditor, secretariat or admin (or be the installer, from
-- a superuser session). Runs in READ COMMITTED only: each statement after the lock then sees every event
-- committed before it, whereas an older snapshot would miss events that committed while sealing waited.
CREATE FUNCTION thidua.seal_audit_checkpoint() RETURNS thidua.audit_checkpoints
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    acting_role text := thidua.setting('actor_role');
    previous thidua.audit_checkpoints;
    sealed thidua.audit_checkpoints;
BEGIN
    IF actor IS NULL OR acting_role IS NULL THEN
        RAISE EXCEPTION 'no acting user: a checkpoint must name who sealed it' USING ERRCODE = 'TD001';
    END IF;
    IF thidua.acting_as_installer() THEN
        NULL;  -- The installer holds no roles: its superuser session is its warrant.
    ELSIF NOT thidua.actor_roles() && ARRAY['auditor', 'secretariat', 'admin'] THEN
        RAISE EXCEPTION 'sealing the audit trail needs the role auditor, secretariat or admin' USING ERRCODE = 'TD008';
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'seal the audit trail in a READ COMMITTED transaction, not %', current_setting('transaction_isolation')
            USING ERRCODE = '25000';
    END IF;

    PERFORM thidua.lock_audit_for_sealing();

    SELECT * INTO previous FROM thidua.audit_checkpoints c ORDER BY c.id DESC LIMIT 1;
    sealed.first_event_id := coalesce(previous.last_event_id, 0) + 1;
    SELECT max(e.id), count(*) INTO sealed.last_event_id, sealed.event_count
    FROM thidua.audit_events e WHERE e.id >= sealed.first_event_id;
    IF sealed.event_count = 0 THEN
        RETURN NULL;
    END IF;
    sealed.id := coalesce(previous.id, 0) + 1;
    sealed.sealed_at := clock_timestamp();
    sealed.sealed_by := actor;
    sealed.previous_root := coalesce(previous.root, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

    INSERT INTO thidua.audit_checkpoint_heads (checkpoint_id, record_type, record_id, seq, hash)
    SELECT DISTINCT ON (e.record_type COLLATE "C", e.record_id COLLATE "C") sealed.id, e.record_type, e.record_id, e.seq, e.hash
    FROM thidua.audit_events e
    WHERE e.id BETWEEN sealed.first_event_id AND sealed.last_event_id
    ORDER BY e.record_type COLLATE "C", e.record_id COLLATE "C", e.seq DESC;

    SELECT pg_catalog.sha256(pg_catalog.convert_to(coalesce(pg_catalog.string_agg(
               thidua.audit_head_canonical(h.record_type, h.record_id, h.seq, h.hash), ''
               ORDER BY h.record_type COLLATE "C", h.record_id COLLATE "C"), ''), 'UTF8'))
    INTO sealed.heads_digest
    FROM thidua.audit_checkpoint_heads h WHERE h.checkpoint_id = sealed.id;

    sealed.root := pg_catalog.sha256(sealed.previous_root || pg_catalog.convert_to(thidua.audit_checkpoint_canonical(
        sealed.id, sealed.sealed_at, sealed.sealed_by, sealed.first_event_id, sealed.last_event_id, sealed.event_count),
        'UTF8') || sealed.heads_digest);
    INSERT INTO thidua.audit_checkpoints VALUES (sealed.*);
    PERFORM pg_catalog.setval('thidua.audit_sealed_watermark', sealed.last_event_id);
    RETURN sealed;
END
$$;
ALTER FUNCTION thidua.seal_audit_checkpoint() OWNER TO thidua_definer;
REVOKE ALL ON FUNCTION thidua.seal_audit_checkpoint() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION thidua.seal_audit_checkpoint() TO thidua_app;
