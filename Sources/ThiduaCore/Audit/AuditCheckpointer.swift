import Foundation
import Postgres

/// Seals the audit trail: one checkpoint over every event written since the previous one
/// (`thidua.seal_audit_checkpoint()`, migration 0007).
///
/// ```swift
/// if let checkpoint = try await AuditCheckpointer.seal(on: connection, claim: .session(auditorsToken), actingRole: "auditor") {
///     print("root", checkpoint.root)   // keep it outside the database
/// }
/// ```
/// The database checks the actor: an auditor, the secretariat or an administrator, or the installer
/// (`00000000-0000-0000-0000-000000000000`, acting role `installer`) from a superuser session. Sealing waits
/// for transactions that are writing events to finish, and holds writers back while it seals.
public enum AuditCheckpointer {
    /// Seals in a transaction of its own, as the user `claim` proves acting in `actingRole`; `nil` when no event
    /// was written since the last checkpoint.
    public static func seal(on connection: PostgresConnection, claim: ActorClaim, actingRole: String) async throws -> AuditCheckpoint? {
        try await connection.withTransaction { connection in
            _ = try await connection.query(RecordStore.identification(claim, role: actingRole))
            return try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(AuditCheckpoint.columns) FROM thidua.seal_audit_checkpoint() WHERE id IS NOT NULL
                """)).single().map(AuditCheckpoint.init(row:))
        }
    }
}
