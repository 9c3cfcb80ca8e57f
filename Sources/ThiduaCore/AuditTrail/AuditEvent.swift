import Foundation
import Postgres

/// One change to one record, as the audit trail keeps it (DESIGN.md §6).
public struct AuditEvent: Sendable, Hashable, Codable {
    public var id: Int64
    public var occurredAt: Date
    public var recordType: String
    public var recordID: String
    /// Position in the record's own hash chain, from 1.
    public var seq: Int
    public var actorID: UUID
    /// The delegator, when the actor acted under ký thay / thừa lệnh.
    public var onBehalfOf: UUID?
    public var actorRole: String
    public var actorUnitID: UUID?
    public var action: String
    public var reason: String?
    public var requestID: String?
    /// The previous values of the fields that changed (the whole row for a deletion), as JSON.
    public var before: String?
    /// The whole row after the change, as JSON.
    public var after: String?

    static let columns: StaticString = """
        id, occurred_at, record_type, record_id, seq, actor_id, on_behalf_of, actor_role, actor_unit_id, action,
        reason, request_id, before::text AS before, after::text AS after
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        occurredAt = try row.decode(column: "occurred_at")
        recordType = try row.decode(column: "record_type")
        recordID = try row.decode(column: "record_id")
        seq = try row.decode(column: "seq")
        actorID = try row.decode(column: "actor_id")
        onBehalfOf = try row.decode(column: "on_behalf_of")
        actorRole = try row.decode(column: "actor_role")
        actorUnitID = try row.decode(column: "actor_unit_id")
        action = try row.decode(column: "action")
        reason = try row.decode(column: "reason")
        requestID = try row.decode(column: "request_id")
        before = try row.decode(column: "before")
        after = try row.decode(column: "after")
    }
}
