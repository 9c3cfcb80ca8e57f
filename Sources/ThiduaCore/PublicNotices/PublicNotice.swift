import Foundation
import Postgres

/// A nomination published for public comment before it is commended in a form that requires it (LAW.md "Public
/// notice": 10 working days for Xã tiêu biểu and state-level awards). It runs from `startsOn` until the day
/// before `endsOn`; the secretariat closes it with an outcome once it has run. While it runs, or after an
/// objection was upheld, the nomination goes neither before the council nor into a decision.
public struct PublicNotice: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var nominationID: UUID
    /// The nomination's unit.
    public var unitID: UUID
    public var formCode: String
    /// Where it is posted: "Cổng thông tin điện tử huyện", "Niêm yết tại trụ sở UBND xã".
    public var channel: String
    public var startsOn: Date
    /// The first day after the period.
    public var endsOn: Date
    /// `nil` while it runs.
    public var outcome: NoticeOutcome?
    public var openedBy: UUID
    public var closedBy: UUID?
    public var version: Int
    /// What it received, oldest first.
    public var objections: [NoticeObjection]

    static let columns: StaticString = """
        id, nomination_id, unit_id, form_code, channel, starts_on, ends_on, outcome, opened_by, closed_by, version
        """

    init(row: PostgresRow, objections: [NoticeObjection]) throws {
        id = try row.decode(column: "id")
        nominationID = try row.decode(column: "nomination_id")
        unitID = try row.decode(column: "unit_id")
        formCode = try row.decode(column: "form_code")
        channel = try row.decode(column: "channel")
        startsOn = try row.decode(column: "starts_on")
        endsOn = try row.decode(column: "ends_on")
        outcome = try row.decode(String?.self, column: "outcome").flatMap(NoticeOutcome.init(rawValue:))
        openedBy = try row.decode(column: "opened_by")
        closedBy = try row.decode(UUID?.self, column: "closed_by")
        version = try row.decode(column: "version")
        self.objections = objections
    }
}
