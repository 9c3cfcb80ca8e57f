import Foundation
import Postgres

/// A late submission the secretariat allowed: which unit, until when, why, who granted it and when.
public struct DeadlineException: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var unitID: UUID
    public var unitName: String
    public var until: Date
    public var reason: String
    public var grantedByName: String
    public var grantedAt: Date

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        unitID = try row.decode(column: "unit_id")
        unitName = try row.decode(column: "unit_name")
        until = try row.decode(column: "until")
        reason = try row.decode(column: "reason")
        grantedByName = try row.decode(column: "granted_by_name")
        grantedAt = try row.decode(column: "granted_at")
    }
}
