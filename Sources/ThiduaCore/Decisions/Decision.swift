import Foundation
import Postgres

/// A commendation decision, a proposal upward or a revocation, with its items (DESIGN.md §5, LAW.md).
///
/// The number is given when the decision is signed (``symbol`` is `nil` before); the items' rewards were
/// computed from the rules in force on ``decidedOn`` and are stored with them.
public struct Decision: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var kind: DecisionKind
    public var series: DecisionSeries
    /// The date the document bears.
    public var decidedOn: Date
    /// "Về việc khen thưởng …".
    public var subject: String
    /// The "Căn cứ …" lines, in order.
    public var legalBases: [String]
    /// A proposal's addressee.
    public var addressedTo: AuthorityLevel?
    /// A revocation's target and reason.
    public var revokes: UUID?
    public var revocationReason: String?
    public var state: DecisionState
    public var returnReason: String?
    public var draftedBy: UUID
    public var year: Int?
    public var number: Int?
    public var signedBy: UUID?
    /// The chairman a deputy signed for (KT.).
    public var signedFor: UUID?
    public var signedAs: SignedAs?
    public var signedAt: Date?
    public var revokedBy: UUID?
    public var version: Int
    /// Every item ever put in, removed ones included (``DecisionItem/removed``), in the order they were added.
    public var items: [DecisionItem]
    /// Items that stand in the decision but the reader may not see: armed-force nominees, shown only to the
    /// force, the overseers, the council and the chairman (0017).
    public var withheldItems: Int

    /// "12/QĐ-UBND" once signed.
    public var symbol: String? { number.map { "\($0)/\(series.suffix)" } }

    /// The items that stand in the decision.
    public var liveItems: [DecisionItem] { items.filter { !$0.removed } }

    static let columns: StaticString = """
        d.id, d.kind, d.decided_on, d.subject, d.legal_bases, d.addressed_to, d.revokes_decision_id, d.revocation_reason,
        d.state, d.return_reason, d.drafted_by, d.year, d.number, d.signed_by, d.signed_for, d.signed_as, d.signed_at,
        d.revoked_by_decision_id, d.version
        """

    init(row: PostgresRow, series: DecisionSeries, items: [DecisionItem], withheldItems: Int = 0) throws {
        id = try row.decode(column: "id")
        kind = try row.decodeEnum(column: "kind")
        self.series = series
        decidedOn = try row.decode(column: "decided_on")
        subject = try row.decode(column: "subject")
        legalBases = try row.decode([String].self, column: "legal_bases")
        addressedTo = try row.decode(String?.self, column: "addressed_to").flatMap(AuthorityLevel.init(rawValue:))
        revokes = try row.decode(UUID?.self, column: "revokes_decision_id")
        revocationReason = try row.decode(String?.self, column: "revocation_reason")
        state = try row.decodeEnum(column: "state")
        returnReason = try row.decode(String?.self, column: "return_reason")
        draftedBy = try row.decode(column: "drafted_by")
        year = try row.decode(Int?.self, column: "year")
        number = try row.decode(Int?.self, column: "number")
        signedBy = try row.decode(UUID?.self, column: "signed_by")
        signedFor = try row.decode(UUID?.self, column: "signed_for")
        signedAs = try row.decode(String?.self, column: "signed_as").flatMap(SignedAs.init(rawValue:))
        signedAt = try row.decode(Date?.self, column: "signed_at")
        revokedBy = try row.decode(UUID?.self, column: "revoked_by_decision_id")
        version = try row.decode(column: "version")
        self.items = items
        self.withheldItems = withheldItems
    }
}
