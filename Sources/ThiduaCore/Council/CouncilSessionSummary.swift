import Foundation
import Postgres

/// One line of the list of council sessions: enough to find a session and see where it stands, without its
/// roster and votes (``CouncilRepository/session(_:as:)`` loads those).
public struct CouncilSessionSummary: Sendable, Hashable, Codable {
    public var id: UUID
    public var roundID: UUID
    public var title: String
    public var state: CouncilSession.State
    public var openedAt: Date
    public var closedAt: Date?
    /// The nominations before the session.
    public var itemCount: Int
    /// Members on its roster.
    public var memberCount: Int
    public var version: Int

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        roundID = try row.decode(column: "round_id")
        title = try row.decode(column: "title")
        state = try row.decodeEnum(column: "state")
        openedAt = try row.decode(column: "opened_at")
        closedAt = try row.decode(column: "closed_at")
        itemCount = try row.decode(column: "item_count")
        memberCount = try row.decode(column: "member_count")
        version = try row.decode(column: "version")
    }
}
