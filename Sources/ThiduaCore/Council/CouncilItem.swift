import Foundation
import Postgres

/// One nomination before a session, with what the actor may see of its votes and, once the session has
/// closed, its tally and outcome (kept with the nomination).
public struct CouncilItem: Sendable, Hashable, Codable {
    public var nominationID: UUID
    /// The nomination's unit.
    public var unitID: UUID
    /// Counted when the session closed; `nil` while it is open. Under a secret ballot the only record of choices.
    public var tally: CouncilTally?
    public var outcome: CouncilOutcome?
    /// The votes the actor may read: all of them for the secretariat and auditors; a member's own, and the
    /// others' unless the member is recused from this nomination while the session is open. Under a secret
    /// ballot, participation without choices.
    public var votes: [CouncilVote]
    public var recusals: [CouncilRecusal]

    static let columns: StaticString = """
        nomination_id, unit_id, eligible, members, recused, approve, reject, abstain, written_approve, written_reject,
        written_abstain, chairman_vote, outcome
        """

    init(row: PostgresRow, votes: [CouncilVote], recusals: [CouncilRecusal]) throws {
        nominationID = try row.decode(column: "nomination_id")
        unitID = try row.decode(column: "unit_id")
        if let eligible = try row.decode(Int?.self, column: "eligible") {
            // Tallied before migration 0025, an item has no `members`: its `eligible` was then the whole base
            // (the roster less the excused and the recused), and no written vote could be cast.
            let members = try row.decode(Int?.self, column: "members")
            tally = CouncilTally(
                members: members ?? eligible, recused: members == nil ? 0 : try row.decode(column: "recused"),
                approve: try row.decode(column: "approve"), reject: try row.decode(column: "reject"),
                abstain: try row.decode(column: "abstain"),
                written: .init(
                    approve: try row.decode(Int?.self, column: "written_approve") ?? 0,
                    reject: try row.decode(Int?.self, column: "written_reject") ?? 0,
                    abstain: try row.decode(Int?.self, column: "written_abstain") ?? 0),
                chairmanVote: try row.decode(String?.self, column: "chairman_vote").flatMap(VoteChoice.init(rawValue:)))
        }
        outcome = try row.decode(String?.self, column: "outcome").flatMap(CouncilOutcome.init(rawValue:))
        self.votes = votes
        self.recusals = recusals
    }
}
