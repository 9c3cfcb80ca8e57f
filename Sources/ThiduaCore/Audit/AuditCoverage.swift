import Foundation
import Postgres

/// The check that the trail still covers the records: every live row of an audited table has a chain, and its
/// chain does not end in the row's deletion. The hash chains alone cannot see a record whose whole unsealed
/// chain was removed, nor an emptied or truncated `audit_events` with no checkpoint left; the rows themselves
/// can (issue 17: `thidua audit verify` must not call an empty trail intact while audited records exist).
///
/// The audited tables are read from the catalogue — those with the `audit` trigger calling
/// `write_audit_event`, whose arguments name the key columns — so a table audited by a later migration is
/// covered without a change here (thidua_verifier needs its key columns, 0026). The record key is built as the
/// trigger builds it.
enum AuditCoverage {
    /// Tables whose rows, besides those people add, come with the migrations themselves — the law as data
    /// (forms, coefficients, base salaries, authorities, legal bases, processing limits) and the rules a fresh
    /// database starts with (council rules, eligibility rules, the sign-in throttle) — written as schema is, with
    /// no event (0010, 0011, 0014, 0019, 0022). A row of theirs without events may be a migration's, so it is
    /// not called removed; a change to one is chained like any other, and a chain ending in a deletion is still
    /// caught. `AuditCoverageTests` fails when a migration seeds a table missing here.
    static let tablesSeededByMigrations: Set<String> = [
        "base_salaries", "commendation_forms", "commendation_types", "conferring_authorities", "council_rules",
        "eligibility_rules", "legal_bases", "processing_limits", "reward_coefficients", "sign_in_rules",
    ]

    /// The first live record with no events, or whose events end in its deletion; `nil` when every record is covered.
    static func problem(on connection: PostgresConnection) async throws -> AuditProblem? {
        let tables = try await connection.query("""
            SELECT c.relname::text, encode(t.tgargs, 'escape')
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
            WHERE n.nspname = 'thidua' AND t.tgname = 'audit' AND p.proname = 'write_audit_event'
            ORDER BY c.relname COLLATE "C"
            """).map { row in (table: try row.decode(String.self, at: 0), arguments: try row.decode(String.self, at: 1)) }
        for (table, arguments) in tables {
            // tgargs holds each argument followed by a NUL byte, which encode(…, 'escape') writes as \000.
            let keys = arguments.components(separatedBy: "\\000").filter { !$0.isEmpty }
            guard !keys.isEmpty, keys.allSatisfy(isPlainIdentifier), isPlainIdentifier(table) else { continue }
            if let problem = try await firstUncovered(in: table, keyedBy: keys, on: connection) { return problem }
        }
        return nil
    }

    private static func firstUncovered(in table: String, keyedBy keys: [String], on connection: PostgresConnection) async throws -> AuditProblem? {
        // The trigger joins `to_jsonb(row) ->> column`; for the key columns' types (uuid, text, enums, integers)
        // that is the column's text form, and reading only these columns is all thidua_verifier may (0026).
        let key = keys.map { "r.\($0)::text" }.joined(separator: " || '/' || ")
        let eventless = tablesSeededByMigrations.contains(table) ? "false" : "last.id IS NULL"
        var query = PostgresQuery(unsafeSQL: """
            SELECT k.record_id, last.id FROM (SELECT \(key) AS record_id FROM thidua.\(table) r) k
            LEFT JOIN LATERAL (
                SELECT e.id, e.after FROM thidua.audit_events e
                WHERE e.record_type = $1 AND e.record_id = k.record_id ORDER BY e.seq DESC LIMIT 1) last ON true
            WHERE \(eventless) OR (last.id IS NOT NULL AND last.after IS NULL)
            ORDER BY k.record_id COLLATE "C" LIMIT 1
            """)
        query.bindings.append(table)
        guard let row = try await connection.query(query).first else { return nil }
        let record = AuditRecordKey(type: table, id: try row.decode(String.self, at: 0))
        if let deletion = try row.decode(Int64?.self, at: 1) {
            return AuditProblem(.removed, .recordAfterDeletion, eventID: deletion, record: record)
        }
        return AuditProblem(.removed, .recordWithoutEvents, record: record)
    }

    /// Names taken from the catalogue are spliced into SQL only when they are plain lower-case identifiers.
    private static func isPlainIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
