import Foundation
import Postgres

/// A unit's nomination of an exemplar for a movement in a round, with where it stands in the workflow.
public struct Nomination: Sendable, Hashable, Codable {
    public var id: UUID
    public var roundID: UUID
    public var movementID: UUID
    public var unitID: UUID
    public var nomineeID: UUID
    public var nomineeKind: NomineeKind
    public var nomineeName: String
    public var title: String
    public var achievements: String
    public var criteriaAnswers: [String: CriterionAnswer]
    /// Figures by indicator code and year (or "total"): revenue, tax, profit, income, jobs, workdays…
    public var indicators: [String: [String: Decimal]]
    public var state: NominationState
    public var version: Int
    public var restricted: Bool
    /// How many times it was sent back for revision.
    public var returnCount: Int
    public var createdBy: UUID
    public var createdAt: Date
    public var submittedBy: UUID?
    public var submittedAt: Date?
    public var updatedAt: Date

    var facts: NominationFacts {
        NominationFacts(unitID: unitID, movementID: movementID, state: state, restricted: restricted, submittedBy: submittedBy)
    }

    /// The columns `init(row:)` reads, in a form to put after SELECT or RETURNING.
    static let columns: StaticString = """
        id, round_id, movement_id, unit_id, nominee_id, nominee_kind, nominee_name, title, achievements,
        criteria_answers, indicators, state, version, restricted, return_count, created_by, created_at,
        submitted_by, submitted_at, updated_at
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        roundID = try row.decode(column: "round_id")
        movementID = try row.decode(column: "movement_id")
        unitID = try row.decode(column: "unit_id")
        nomineeID = try row.decode(column: "nominee_id")
        nomineeKind = try row.decodeEnum(column: "nominee_kind")
        nomineeName = try row.decode(column: "nominee_name")
        title = try row.decode(column: "title")
        achievements = try row.decode(column: "achievements")
        criteriaAnswers = try row.decode(PostgresJSON<[String: CriterionAnswer]>.self, column: "criteria_answers").value
        indicators = try row.decode(PostgresJSON<[String: [String: Decimal]]>.self, column: "indicators").value
        state = try row.decodeEnum(column: "state")
        version = try row.decode(column: "version")
        restricted = try row.decode(column: "restricted")
        returnCount = try row.decode(column: "return_count")
        createdBy = try row.decode(column: "created_by")
        createdAt = try row.decode(column: "created_at")
        submittedBy = try row.decode(column: "submitted_by")
        submittedAt = try row.decode(column: "submitted_at")
        updatedAt = try row.decode(column: "updated_at")
    }
}

/// A nomination's answer to one criterion of its movement's checklist, with the evidence for it.
public struct CriterionAnswer: Sendable, Hashable, Codable {
    public var met: Bool
    public var evidence: String

    public init(met: Bool, evidence: String = "") {
        self.met = met
        self.evidence = evidence
    }
}
