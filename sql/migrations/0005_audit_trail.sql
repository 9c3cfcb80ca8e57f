-- The audit trail (DESIGN.md §6): one event per changed row, written by a trigger in the same transaction,
-- chained per record by SHA-256, never updated or deleted.
--
-- The acting user, the role acted in, the delegator, the action's name, the reason and the request id come
-- from the transaction-local settings the repository sets (see 0004); a change without an acting user fails.
-- `before` holds the previous values of the fields that changed (the whole row for a deletion), `after` the
-- whole new row, so a record as it was after any event is that event's `after`. Secrets (password hashes)
-- and document bytes (their SHA-256 stays) are left out.
--
-- Tamper evidence: hash = SHA-256(previous hash of the same record ‖ UTF-8 of audit_canonical(…)); the
-- first event of a record chains from 32 zero bytes. The verifier (thidua audit verify) recomputes it outside
-- the database, so a row edited, removed or forged by a superuser who disabled these triggers shows.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    area_id text,
    -- Table names and keys: compared by bytes ("C"), not by the database's Vietnamese collation, which would
    -- make every insert's index descent go through ICU (measured: 64 µs per event against 35).
    record_type text COLLATE "C" NOT NULL,
    record_id text COLLATE "C" NOT NULL,
    seq integer NOT NULL CHECK (seq > 0),
    actor_id uuid NOT NULL,
    on_behalf_of uuid,
    actor_role text NOT NULL,
    actor_unit_id uuid,
    record_unit_id uuid,
    action text NOT NULL,
    reason text,
    request_id text,
    before jsonb,
    after jsonb,
    prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    UNIQUE (record_type, record_id, seq)
);
CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at);
CREATE INDEX audit_events_record_unit ON audit_events (record_unit_id);
COMMENT ON TABLE audit_events IS 'Append-only. UNIQUE (record_type, record_id, seq) also stops two writers forking one record''s chain.';

-- The exact bytes an event's hash covers: every field of the event but its id and its hashes (the previous one
-- is chained in front), the area included: row-level security decides by it who reads the event, so moving an
-- event to another area must show. Every field is length-prefixed (NULL is "~"), so no choice of reason or
-- JSON can make two different events read alike. The Swift verifier builds the same string.
-- PL/pgSQL: it keeps its plan for the session and converts each field (the JSON above all) only once; an SQL
-- function here would not be inlined (extract() on a timestamptz is only STABLE) and would be planned at
-- every call.
CREATE FUNCTION audit_canonical(
    seq integer, record_type text, record_id text, occurred_at timestamptz, area_id text, actor_id uuid,
    on_behalf_of uuid, actor_role text, actor_unit_id uuid, record_unit_id uuid, action text, reason text,
    request_id text, before jsonb, after jsonb
) RETURNS text
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    field text;
    canonical text := '';
BEGIN
    FOREACH field IN ARRAY ARRAY[
        seq::text, record_type, record_id, (extract(epoch FROM occurred_at) * 1000000)::bigint::text, area_id,
        actor_id::text, on_behalf_of::text, actor_role, actor_unit_id::text, record_unit_id::text,
        action, reason, request_id, before::text, after::text
    ] LOOP
        canonical := canonical || CASE WHEN field IS NULL THEN '~' ELSE octet_length(field)::text || ':' || field END;
    END LOOP;
    RETURN canonical;
END
$$;

-- Events are never changed: refused here for everyone, the owner included (the chain catches a superuser).
CREATE FUNCTION refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP USING ERRCODE = 'TD009';
END
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
-- Row triggers do not fire on TRUNCATE.
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Whether the transaction acts as the installer: role "installer" with the nil actor id, which is how the
-- catalogue is loaded before any user exists. Only a superuser session may; the claim from any other is
-- refused here (TD008), so the audit writer and the checkpoint sealer (0007) apply one rule. Not a definer
-- function: it reads only the settings and pg_roles, which everyone may.
CREATE FUNCTION acting_as_installer() RETURNS boolean
    LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF thidua.setting('actor_role') IS DISTINCT FROM 'installer' THEN
        RETURN false;
    END IF;
    IF thidua.actor_id() IS DISTINCT FROM '00000000-0000-0000-0000-000000000000'
       OR NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user) THEN
        RAISE EXCEPTION 'only a superuser session acts as the installer' USING ERRCODE = 'TD008';
    END IF;
    RETURN true;
END
$$;

RESET ROLE;
GRANT SELECT, INSERT ON thidua.audit_events TO thidua_definer;
GRANT USAGE ON SEQUENCE thidua.audit_events_id_seq TO thidua_definer;
GRANT SELECT ON thidua.areas TO thidua_definer;

-- Trigger arguments name the record's key columns. The acting role must be held, or be the installer's
-- (acting_as_installer above).
CREATE FUNCTION thidua.write_audit_event() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    actor uuid := thidua.actor_id();
    acting_role text := thidua.setting('actor_role');
    delegator uuid := thidua.setting('on_behalf_of')::uuid;
    row_after jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - ARRAY['password_hash', 'content'] END;
    row_before jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - ARRAY['password_hash', 'content'] END;
    keyed jsonb := coalesce(row_after, row_before);
    actor_unit uuid := thidua.actor_unit_id();
    -- TG_TABLE_NAME is of type name; compared as such, record_type = name would not use the index.
    table_name text := TG_TABLE_NAME::text;
    key text;
    record_key text := '';
    changed jsonb;
    previous record;
    event thidua.audit_events;
BEGIN
    IF actor IS NULL OR acting_role IS NULL THEN
        RAISE EXCEPTION 'no acting user: every change must name who made it and in which role' USING ERRCODE = 'TD001';
    END IF;
    IF thidua.acting_as_installer() THEN
        NULL;  -- The installer holds no roles: its superuser session is its warrant.
    ELSIF NOT acting_role = ANY (thidua.actor_roles()) THEN
        RAISE EXCEPTION 'the acting user does not hold the role %', acting_role USING ERRCODE = 'TD008';
    END IF;
    IF delegator IS NOT NULL AND NOT EXISTS (
        SELECT FROM thidua.delegations d
        WHERE d.delegator_id = delegator AND d.delegate_id = actor AND d.role = acting_role AND d.revoked_at IS NULL
          AND now() >= d.valid_from AND now() < d.valid_to) THEN
        RAISE EXCEPTION 'no delegation in force from % for %', delegator, acting_role USING ERRCODE = 'TD008';
    END IF;

    FOREACH key IN ARRAY TG_ARGV LOOP
        record_key := record_key || CASE WHEN record_key = '' THEN '' ELSE '/' END || (keyed ->> key);
    END LOOP;

    IF TG_OP = 'UPDATE' THEN
        SELECT jsonb_object_agg(o.key, o.value) INTO changed
        FROM jsonb_each(row_before) o WHERE row_after -> o.key IS DISTINCT FROM o.value;
        IF changed IS NULL THEN
            RETURN NULL;
        END IF;
        row_before := changed;
    END IF;

    SELECT e.seq, e.hash INTO previous
    FROM thidua.audit_events e
    WHERE e.record_type = table_name AND e.record_id = record_key
    ORDER BY e.seq DESC LIMIT 1;

    event.occurred_at := now();
    event.area_id := coalesce(keyed ->> 'area_id', (SELECT n.area_id FROM thidua.units n WHERE n.id = actor_unit));
    event.record_type := table_name;
    event.record_id := record_key;
    event.seq := coalesce(previous.seq, 0) + 1;
    event.actor_id := actor;
    event.on_behalf_of := delegator;
    event.actor_role := acting_role;
    event.actor_unit_id := actor_unit;
    event.record_unit_id := CASE WHEN table_name = 'units' THEN (keyed ->> 'id')::uuid ELSE (keyed ->> 'unit_id')::uuid END;
    event.action := coalesce(thidua.setting('action'), lower(table_name || '.' || TG_OP));
    event.reason := thidua.setting('reason');
    event.request_id := thidua.setting('request_id');
    event.before := row_before;
    event.after := row_after;
    event.prev_hash := coalesce(previous.hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    event.hash := sha256(event.prev_hash || convert_to(thidua.audit_canonical(
        event.seq, event.record_type, event.record_id, event.occurred_at, event.area_id, event.actor_id,
        event.on_behalf_of, event.actor_role, event.actor_unit_id, event.record_unit_id, event.action, event.reason, event.request_id,
        event.before, event.after), 'UTF8'));
    event.id := nextval('thidua.audit_events_id_seq');
    INSERT INTO thidua.audit_events VALUES (event.*);
    RETURN NULL;
END
$$;
ALTER FUNCTION thidua.write_audit_event() OWNER TO thidua_definer;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON areas FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON clusters FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON unit_successions FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON role_grants FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON delegations FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON movements FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON movement_lead_units FOR EACH ROW EXECUTE FUNCTION write_audit_event('movement_id', 'unit_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON rounds FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON round_unit_limits FOR EACH ROW EXECUTE FUNCTION write_audit_event('round_id', 'unit_kind');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON round_movement_minimums FOR EACH ROW EXECUTE FUNCTION write_audit_event('round_id', 'movement_id', 'nominee_kind');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON deadline_exceptions FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON nominees FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON nominee_personal FOR EACH ROW EXECUTE FUNCTION write_audit_event('nominee_id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON nominations FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON nomination_attachments FOR EACH ROW EXECUTE FUNCTION write_audit_event('id');
