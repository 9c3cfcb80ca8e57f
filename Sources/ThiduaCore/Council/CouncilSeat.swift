import Foundation
import Postgres

/// A member on a session's roster, frozen when the session opened.
public struct CouncilSeat: Sendable, Hashable, Codable {
    public var memberID: UUID
    /// The member's unit when the session opened: they are recused from its nominations by default.
    public var unitID: UUID
    public var isChairman: Bool
    /// `false`: excused at opening (absent). Still a member: counted in every base counted on members; votes,
    /// in writing, only where the session's rule allows it (``CouncilRule/writtenVotesAllowed``).
    public var countsForQuorum: Bool

    /// Whether the member takes part in the session's votes under `rule`: at the meeting, or in writing.
    public func votes(under rule: CouncilRule) -> Bool {
        countsForQuorum || rule.writtenVotesAllowed
    }

    static let columns: StaticString = "user_id, member_unit_id, is_chairman, counts_for_quorum"

    init(row: PostgresRow) throws {
        memberID = try row.decode(column: "user_id")
        unitID = try row.decode(column: "member_unit_id")
        isChairman = try row.decode(column: "is_chairman")
        countsForQuorum = try row.decode(column: "counts_for_quorum")
    }
}
