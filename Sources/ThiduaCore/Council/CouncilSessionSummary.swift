import Foundation
import Postgres

/// A council session as a list shows it: its title and state, how many nominations are before it and, for a
/// member who sits on it, how many still wait for their vote (neither voted nor recused).
public struct CouncilSessionSummary: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var roundID: UUID
    public var title: String
    public var state: CouncilSession.State
    public var openedAt: Date
    public var closedAt: Date?
    public var itemCount: Int
    /// Whether the actor who asked sits on the session to vote: on the roster, and not excused or excused under a
    /// rule that takes written votes.
    public var seated: Bool
    /// The items the actor who asked has neither voted on nor recused from; 0 when not seated or closed.
    public var awaitingVote: Int

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        roundID = try row.decode(column: "round_id")
        title = try row.decode(column: "title")
        state = try row.decodeEnum(column: "state")
        openedAt = try row.decode(column: "opened_at")
        closedAt = try row.decode(column: "closed_at")
        itemCount = try row.decode(column: "item_count")
        seated = try row.decode(column: "seated")
        awaitingVote = try row.decode(column: "awaiting_vote")
    }
}
