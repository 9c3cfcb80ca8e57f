-- The database roles of thidua, the extensions it needs and the schema that holds its tables.
--
-- Roles belong to the cluster, not the database: when several databases share a cluster (the tests make one
-- per test), the first creates them and the others find them. Two databases migrating at once can both see a
-- role missing, so the loser of that race (unique_violation on pg_authid) is treated as "already there".
DO $$
DECLARE
    role_definition text;
BEGIN
    FOREACH role_definition IN ARRAY ARRAY[
        -- Owns the schema, tables and functions; only migrations act as it.
        'thidua_owner NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
        -- The server: no DDL (owns nothing), subject to row-level security.
        'thidua_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
        -- Auditors and reports: reads only.
        'thidua_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS',
        -- The audit verifier the server runs for auditors: it must see the whole trail (a record hidden by
        -- row-level security would look removed), so it bypasses RLS — and may read the three audit tables
        -- (0007) and nothing else, never writing. The server's own role stays under RLS.
        'thidua_verifier LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS'
    ] LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = split_part(role_definition, ' ', 1)) THEN
            BEGIN
                EXECUTE 'CREATE ROLE ' || role_definition;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END
$$;

ALTER ROLE thidua_app SET search_path = thidua, public;
ALTER ROLE thidua_reader SET search_path = thidua, public;
-- Readers never write, even by mistake.
ALTER ROLE thidua_reader SET default_transaction_read_only = on;
ALTER ROLE thidua_verifier SET default_transaction_read_only = on;

-- pgcrypto: bcrypt password hashes, digests, gen_random_uuid(). unaccent: search that ignores diacritics.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE SCHEMA IF NOT EXISTS thidua AUTHORIZATION thidua_owner;
REVOKE ALL ON SCHEMA thidua FROM PUBLIC;
GRANT USAGE ON SCHEMA thidua TO thidua_app, thidua_reader, thidua_verifier;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The application reads the schema version for /health.
GRANT SELECT ON public.schema_migrations TO thidua_app, thidua_reader;

SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

-- Readers may read whatever the owner creates from now on; row-level security still applies to them.
ALTER DEFAULT PRIVILEGES FOR ROLE thidua_owner IN SCHEMA thidua GRANT SELECT ON TABLES TO thidua_reader;

-- unaccent() is STABLE (its dictionary could change), so it cannot back an index. This wrapper names the
-- dictionary explicitly and is declared IMMUTABLE, which is what PostgreSQL's documentation suggests for
-- indexing: `WHERE thidua.unaccented(lower(name)) LIKE thidua.unaccented(lower($1)) || '%'`
-- finds "Tủa Chùa" from "tua chua".
CREATE FUNCTION thidua.unaccented(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);
GRANT EXECUTE ON FUNCTION thidua.unaccented(text) TO thidua_app, thidua_reader;
