import Foundation
import Postgres

/// A member's vote on one nomination in a session. Under a secret ballot it records participation only:
/// `choice` and `comment` are always `nil`, for everyone, the voter included.
public struct CouncilVote: Sendable, Hashable, Codable {
    public var sessionID: UUID
    public var nominationID: UUID
    public var memberID: UUID
    public var choice: VoteChoice?
    public var comment: String?
    /// 1 when cast, one more at each change; pass it back to change the vote.
    public var version: Int
    public var castAt: Date
    public var changedAt: Date

    static let columns: StaticString = "session_id, nomination_id, member_id, choice, comment, version, cast_at, changed_at"

    init(row: PostgresRow) throws {
        sessionID = try row.decode(column: "session_id")
        nominationID = try row.decode(column: "nomination_id")
        memberID = try row.decode(column: "member_id")
        choice = try row.decode(String?.self, column: "choice").flatMap(VoteChoice.init(rawValue:))
        comment = try row.decode(column: "comment")
        version = try row.decode(column: "version")
        castAt = try row.decode(column: "cast_at")
        changedAt = try row.decode(column: "changed_at")
    }
}
