import Foundation
import Postgres

/// Reading the audit trail: a record's history, a record as it was at a moment, what one user did.
/// Row-level security shows each reader the history of what they may read; auditors see the area's.
public struct AuditTrail: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Every event of one record, oldest first.
    public func history(of recordType: String, id recordID: String, as actor: Actor) async throws -> [AuditEvent] {
        try await store.report(actor) { connection in
            try await connection.query("""
                SELECT \(sql: AuditEvent.columns) FROM thidua.audit_events
                WHERE record_type = \(recordType) AND record_id = \(recordID)
                ORDER BY seq
                """).map(AuditEvent.init(row:))
        }
    }

    /// One event by its id (the one a verification names), if the actor may read it.
    public func event(_ id: Int64, as actor: Actor) async throws -> AuditEvent? {
        try await store.report(actor) { connection in
            try await connection.query("SELECT \(sql: AuditEvent.columns) FROM thidua.audit_events WHERE id = \(id)")
                .single().map(AuditEvent.init(row:))
        }
    }

    /// Everything `userID` did from `start` (inclusive) to `end` (exclusive), oldest first.
    public func actions(of userID: UUID, from start: Date, to end: Date, as actor: Actor) async throws -> [AuditEvent] {
        try await store.report(actor) { connection in
            try await connection.query("""
                SELECT \(sql: AuditEvent.columns) FROM thidua.audit_events
                WHERE actor_id = \(userID) AND occurred_at >= \(start) AND occurred_at < \(end)
                ORDER BY id
                """).map(AuditEvent.init(row:))
        }
    }

    /// The nomination as it was at `moment`: the `after` of its last event at or before then, read back into
    /// the table's own row type. `nil` if it did not exist yet (or is not visible to the actor).
    public func nomination(_ id: UUID, asOf moment: Date, as actor: Actor) async throws -> Nomination? {
        try await nomination(id, asOf: moment, afterEvent: nil, as: actor)
    }

    /// The nomination as it was right after the event `eventID` (an event of this nomination).
    public func nomination(_ id: UUID, afterEvent eventID: Int64, as actor: Actor) async throws -> Nomination? {
        try await nomination(id, asOf: nil, afterEvent: eventID, as: actor)
    }

    private func nomination(_ id: UUID, asOf moment: Date?, afterEvent eventID: Int64?, as actor: Actor) async throws -> Nomination? {
        try await store.report(actor) { connection in
            try await connection.query("""
                SELECT (jsonb_populate_record(NULL::thidua.nominations, e.after)).*
                FROM thidua.audit_events e
                WHERE e.record_type = 'nominations' AND e.record_id = \(id.uuidString.lowercased()) AND e.after IS NOT NULL
                  AND (\(moment)::timestamptz IS NULL OR e.occurred_at <= \(moment))
                  AND (\(eventID)::bigint IS NULL OR e.id <= \(eventID))
                ORDER BY e.seq DESC LIMIT 1
                """).single().map(Nomination.init(row:))
        }
    }
}
