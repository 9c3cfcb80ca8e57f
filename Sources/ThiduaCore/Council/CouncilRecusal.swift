import Foundation
import Postgres

/// A member stepping aside from one nomination in a session, with the reason.
public struct CouncilRecusal: Sendable, Hashable, Codable {
    public var nominationID: UUID
    public var memberID: UUID
    public var reason: String
    /// Made when the session opened, because the member's own unit submitted the nomination.
    public var byDefault: Bool
    public var recordedAt: Date

    static let columns: StaticString = "nomination_id, member_id, reason, by_default, recorded_at"

    init(row: PostgresRow) throws {
        nominationID = try row.decode(column: "nomination_id")
        memberID = try row.decode(column: "member_id")
        reason = try row.decode(column: "reason")
        byDefault = try row.decode(column: "by_default")
        recordedAt = try row.decode(column: "recorded_at")
    }
}
