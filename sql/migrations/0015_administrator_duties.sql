-- Separation of duties for administrators (issue 13, item 2). Found from outside: an administrator, refused a
-- self-grant, created a second account, gave it `admin`, signed in as it and gave the first account `chairman`.
-- The rules, here and in the policy:
--   * `admin` is granted and revoked only by the installer (a superuser session, the database owner's
--     connection), never through the application role: one administrator cannot make another;
--   * an administrator's account holds no workflow role, and an account with a workflow role is no administrator;
--   * an administrator does not give roles to an account it created or enabled in the last day — it chose the
--     new account's password, and a puppet made and armed at once is the attack — another administrator (or the
--     installer) does. The audit trail says who created or enabled the account, and when.
SET LOCAL ROLE thidua_owner;
SET LOCAL search_path = thidua, public;

CREATE FUNCTION guard_role_grant() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    installer boolean := thidua.acting_as_installer();
    recruiter uuid;
BEGIN
    IF (NEW.role = 'admin' OR (TG_OP = 'UPDATE' AND OLD.role = 'admin')) AND NOT installer THEN
        RAISE EXCEPTION 'the admin role is granted and revoked by the installer only' USING ERRCODE = 'TD050';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT FROM thidua.role_grants g
               WHERE g.user_id = NEW.user_id AND g.revoked_at IS NULL
                 AND (g.role = 'admin') <> (NEW.role = 'admin')) THEN
        RAISE EXCEPTION 'an administrator holds no workflow role, and a workflow account is no administrator'
            USING ERRCODE = 'TD051';
    END IF;
    SELECT e.actor_id INTO recruiter FROM thidua.audit_events e
    WHERE e.record_type = 'users' AND e.record_id = NEW.user_id::text AND e.action IN ('user.create', 'user.enable')
      AND e.occurred_at > now() - interval '1 day'
    ORDER BY e.seq DESC LIMIT 1;
    IF NOT installer AND recruiter IS NOT NULL AND recruiter = NEW.granted_by THEN
        RAISE EXCEPTION 'an administrator does not grant roles to an account it created or enabled'
            USING ERRCODE = 'TD052';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER guard_role_grant BEFORE INSERT OR UPDATE ON role_grants
    FOR EACH ROW EXECUTE FUNCTION guard_role_grant();

RESET ROLE;
-- Owned by the definer role, which reads the audit trail and every grant past row-level security.
ALTER FUNCTION thidua.guard_role_grant() OWNER TO thidua_definer;
