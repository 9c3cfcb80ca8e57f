import Foundation
import Postgres
import Testing
import ThiduaTesting

/// The usual ways row-level security leaks, read from the catalogue so a table, view or function added
/// later without the same care fails here (DESIGN.md §3).
@Suite("CatalogueSecurityTests")
struct CatalogueSecurityTests {
    /// The only SECURITY DEFINER functions, each schema-qualified inside and checking the actor itself.
    static let definerFunctions: Set<String> = [
        // The actor context, set once per transaction from a live session and sealed (0029); the actor_*()
        // functions only read it, checking the seal inside definer functions.
        "actor_context_verified", "establish_actor_context", "present_session", "act_as", "open_session", "refresh_actor_context",
        "keep_quota_ledger", "write_audit_event",
        "seal_audit_checkpoint", "lock_audit_for_sealing",
        "actor_profile_of", "actor_profile", "sign_in", "session_user_id", "session_actor", "sign_out", "change_password", "end_sessions_of_disabled_user",
        // Council reviews (0009): the roster comes from every member's grants, which the secretariat may not read;
        // secret ballots live in tables only thidua_definer can read, so casting and counting them run as it.
        "freeze_council_roster", "cast_secret_vote", "tally_secret_ballots",
        // Sealed secret ballots (0033): the server opens a closing session's sealed ballots with its key.
        "sealed_ballots",
        // Separation of duties (0015): who created or enabled an account is in the audit trail, which the
        // administrator may not read.
        "guard_role_grant",
        // Withheld armed-force items (0017): the count of a decision's items past the reader's row-level security.
        "decision_standing_items",
        // Idempotency keys (0020): a retried create must find the key of another of its user's requests, and
        // forget one older than a day, whatever row-level security shows the application.
        "claim_idempotency_key",
        // A password reset (0030): the administrator's application role has no UPDATE of password_hash (0016).
        "reset_password",
    ]
    /// The tables whose changes write no audit event, each for a reason.
    static let unauditedTables: Set<String> = [
        // The trail itself and its checkpoints: append-only, chained and sealed.
        "audit_events", "audit_checkpoints", "audit_checkpoint_heads",
        // Kept by a trigger from the nominations' audited states.
        "quota_usage",
        // Sign-in bookkeeping, written only by the sign-in functions (0008).
        "sessions", "sign_in_attempts",
        // A secret ballot: an event would name the voter beside the choice (0009).
        "council_ballot_secrets", "council_secret_ballots",
        // A secret ballot's choice, sealed under a key the database never holds (0033): not a readable event either.
        "council_sealed_ballots",
        // Retry bookkeeping of create requests (0020): the change it guards is audited itself.
        "idempotency_keys",
        // The key sealing each transaction's actor context (0029): made once by its migration, read by no one else.
        "actor_context_key",
    ]
    /// Columns that identify or describe a person beyond their name.
    static let personalColumns: Set<String> = ["date_of_birth", "gender", "ethnicity", "position", "workplace", "national_id", "phone", "address"]

    func rows(_ sql: PostgresQuery) async throws -> [String] {
        let database = try await TestDatabase.make()
        let connection = try await database.connect()
        defer { connection.close() }
        return try await connection.query(sql).map { try $0.decode(String.self, at: 0) }
    }

    @Test("every table of the schema has row-level security enabled and forced")
    func everyTableForcesRLS() async throws {
        let offenders = try await rows("""
            SELECT relname FROM pg_class WHERE relnamespace = 'thidua'::regnamespace AND relkind IN ('r', 'p')
              AND NOT (relrowsecurity AND relforcerowsecurity)
            """)
        #expect(offenders.isEmpty, "without forced RLS: \(offenders)")
    }

    @Test("no policy lets every row through, and every writing policy checks the rows it writes")
    func noOpenPolicies() async throws {
        let open = try await rows("""
            SELECT tablename || '.' || policyname FROM pg_policies WHERE schemaname = 'thidua'
              AND (btrim(coalesce(qual, ''), '() ') = 'true' OR btrim(coalesce(with_check, ''), '() ') = 'true')
            """)
        #expect(open.isEmpty, "open policies: \(open)")
        let unchecked = try await rows("""
            SELECT tablename || '.' || policyname FROM pg_policies WHERE schemaname = 'thidua'
              AND cmd IN ('INSERT', 'UPDATE', 'ALL') AND with_check IS NULL
            """)
        #expect(unchecked.isEmpty, "writing policies without WITH CHECK: \(unchecked)")
        let unreadable = try await rows("""
            SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind = 'r'
              AND NOT EXISTS (SELECT FROM pg_policies p WHERE p.schemaname = 'thidua' AND p.tablename = c.relname AND p.cmd IN ('SELECT', 'ALL'))
            """)
        #expect(unreadable.isEmpty, "tables nobody may read (a policy was forgotten): \(unreadable)")
    }

    @Test("every table's changes are audited, except the few listed with their reason")
    func everyTableIsAudited() async throws {
        let unaudited = try await rows("""
            SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind = 'r'
              AND NOT EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'audit')
            """)
        #expect(Set(unaudited) == Self.unauditedTables)
    }

    @Test("every table refuses a forged actor context: each carries the restrictive sealed_actor_context policy (0029)")
    func everyTableChecksTheSeal() async throws {
        let offenders = try await rows("""
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'thidua' AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'sealed_actor_context'
                              AND NOT p.polpermissive AND p.polcmd = '*')
            """)
        #expect(offenders.isEmpty, "without the sealed-context policy: \(offenders)")
    }

    @Test("views run with the reader's rights (security_invoker)")
    func viewsAreSecurityInvoker() async throws {
        let offenders = try await rows("""
            SELECT relname FROM pg_class WHERE relnamespace = 'thidua'::regnamespace AND relkind IN ('v', 'm')
              AND NOT coalesce('security_invoker=true' = ANY (reloptions), false)
            """)
        #expect(offenders.isEmpty, "views with the owner's rights: \(offenders)")
    }

    @Test("SECURITY DEFINER functions are the known few, with a fixed search_path; the owner's only for thidua_definer")
    func definerFunctionsAreFewAndPinned() async throws {
        let definers = try await rows("""
            SELECT p.proname || '|' || pg_get_userbyid(p.proowner) || '|' || coalesce(array_to_string(p.proconfig, ','), '')
                   || '|' || (has_function_privilege('thidua_app', p.oid, 'EXECUTE') OR has_function_privilege('thidua_reader', p.oid, 'EXECUTE'))::text
            FROM pg_proc p WHERE p.pronamespace = 'thidua'::regnamespace AND p.prosecdef
            """)
        for line in definers {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            #expect(Self.definerFunctions.contains(parts[0]), "unexpected SECURITY DEFINER function \(parts[0])")
            #expect(parts[2].contains("search_path=pg_catalog"), "\(parts[0]) has no pinned search_path")
            // The owner's rights (it owns the tables) are lent to thidua_definer alone, never to the application.
            #expect(parts[1] == "thidua_definer" || (parts[1] == "thidua_owner" && parts[3] == "false"),
                    "\(parts[0]) runs as \(parts[1]) and the application may call it: \(parts[3])")
        }
        #expect(definers.count == Self.definerFunctions.count)
    }

    @Test("the application role owns nothing, bypasses nothing, deletes nothing and cannot touch the audit trail")
    func applicationRoleIsPowerless() async throws {
        let role = try await rows("""
            SELECT rolsuper::text || rolbypassrls::text || rolcreaterole::text FROM pg_roles WHERE rolname = 'thidua_app'
            """)
        #expect(role == ["falsefalsefalse"])
        let owned = try await rows("""
            SELECT relname FROM pg_class WHERE relnamespace = 'thidua'::regnamespace AND pg_get_userbyid(relowner) <> 'thidua_owner'
            """)
        #expect(owned.isEmpty, "objects not owned by thidua_owner: \(owned)")
        let destructive = try await rows("""
            SELECT c.relname || ' ' || p.privilege FROM pg_class c,
                   unnest(ARRAY['DELETE', 'TRUNCATE']) p(privilege)
            WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind = 'r' AND has_table_privilege('thidua_app', c.oid, p.privilege)
            UNION ALL
            SELECT c.relname || ' ' || p.privilege FROM pg_class c, unnest(ARRAY['INSERT', 'UPDATE']) p(privilege)
            WHERE c.relnamespace = 'thidua'::regnamespace AND c.relname LIKE 'audit%' AND has_table_privilege('thidua_app', c.oid, p.privilege)
            """)
        #expect(destructive.isEmpty, "the application may: \(destructive)")
    }

    @Test("personal columns live only in tables marked @personal, and no one reads a password hash")
    func personalDataIsKeptApart() async throws {
        let located = try await rows("""
            SELECT c.relname || '.' || a.attname || '|' || coalesce(obj_description(c.oid, 'pg_class'), '')
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'thidua'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """)
        for line in located {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            let column = String(parts[0].split(separator: ".").last!)
            if Self.personalColumns.contains(column) {
                #expect(parts[1].hasPrefix("@personal"), "personal column \(parts[0]) in a table not marked @personal")
            }
        }
        let readers = try await rows("""
            SELECT r FROM unnest(ARRAY['thidua_app', 'thidua_reader']) r
            WHERE has_column_privilege(r, 'thidua.users', 'password_hash', 'SELECT')
            """)
        #expect(readers.isEmpty, "roles that can read password hashes: \(readers)")
        let leakyPolicies = try await rows("""
            SELECT policyname FROM pg_policies WHERE schemaname = 'thidua' AND tablename = 'nominee_personal'
              AND cmd = 'SELECT' AND (qual LIKE '%council_member%' OR qual LIKE '%chairman%' OR qual LIKE '%actor_lead_movements%')
            """)
        #expect(leakyPolicies.isEmpty, "personal data readable by reviewers: \(leakyPolicies)")
    }
}
