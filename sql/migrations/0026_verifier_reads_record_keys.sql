-- The audit verifier checks that the trail still covers the records (issue 17): every live row of an audited
-- table must have a chain that does not end in its deletion, so an emptied or cut trail is not called intact
-- while its records remain. thidua_verifier (the server's login for auditors' chain checks) read only the three
-- audit tables; it now also reads the key columns of each audited table — the columns the audit trigger's
-- arguments name, which make the record id — and nothing else of them: no name, no content. A table audited
-- by a later migration needs the same grant (AuditCoverageTests runs the check as thidua_verifier).
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

DO $$
DECLARE
    audited record;
BEGIN
    FOR audited IN
        SELECT c.relname AS table_name,
               string_to_array(regexp_replace(encode(t.tgargs, 'escape'), '\\000$', ''), '\000') AS key_columns
        FROM pg_catalog.pg_trigger t
        JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
        WHERE n.nspname = 'thidua' AND t.tgname = 'audit' AND p.proname = 'write_audit_event' AND t.tgnargs > 0
    LOOP
        -- tgargs holds each argument followed by a NUL byte, which encode(…, 'escape') writes as \000.
        EXECUTE format('GRANT SELECT (%s) ON thidua.%I TO thidua_verifier',
                       (SELECT string_agg(quote_ident(k), ', ') FROM unnest(audited.key_columns) k), audited.table_name);
    END LOOP;
END
$$;
