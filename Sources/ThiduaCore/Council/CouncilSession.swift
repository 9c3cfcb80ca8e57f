import Foundation
import Postgres

/// A council review session (phiên họp Hội đồng): its rule as it stood when the session opened, the roster
/// frozen then, and its items.
public struct CouncilSession: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, CaseIterable, Codable {
        case open, closed

        public var vietnamese: String {
            switch self {
            case .open: "Đang họp, bỏ phiếu"
            case .closed: "Đã kết thúc"
            }
        }
    }

    public var id: UUID
    public var roundID: UUID
    public var title: String
    /// The stored rule the session took (``CouncilRuleRecord``); `rule` is its snapshot, which later edits
    /// of the stored rule do not change.
    public var ruleID: UUID
    public var rule: CouncilRule
    public var state: State
    public var openedBy: UUID
    public var openedAt: Date
    public var closedBy: UUID?
    public var closedAt: Date?
    /// Pass it back to close the session.
    public var version: Int
    public var roster: [CouncilSeat]
    public var items: [CouncilItem]

    /// The item of `nominationID`, if it is before this session.
    public func item(_ nominationID: UUID) -> CouncilItem? {
        items.first { $0.nominationID == nominationID }
    }

    static let columns: StaticString = """
        id, round_id, title, rule_id, quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator,
        strictly_more, base, ballot, tie_break, recused_excluded, written_votes_allowed, legal_basis, state, opened_by,
        opened_at, closed_by, closed_at, version
        """

    init(row: PostgresRow, roster: [CouncilSeat], items: [CouncilItem]) throws {
        id = try row.decode(column: "id")
        roundID = try row.decode(column: "round_id")
        title = try row.decode(column: "title")
        ruleID = try row.decode(column: "rule_id")
        rule = try CouncilRule(row: row)
        state = try row.decodeEnum(column: "state")
        openedBy = try row.decode(column: "opened_by")
        openedAt = try row.decode(column: "opened_at")
        closedBy = try row.decode(column: "closed_by")
        closedAt = try row.decode(column: "closed_at")
        version = try row.decode(column: "version")
        self.roster = roster
        self.items = items
    }
}
