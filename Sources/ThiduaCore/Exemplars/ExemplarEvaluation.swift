import Foundation
import Postgres

/// A periodic evaluation of an exemplar: its effect, efficiency and potential, the problems met and the help
/// given. Appended, never changed; a later one supersedes it.
public struct ExemplarEvaluation: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var exemplarID: UUID
    public var evaluatedOn: Date
    /// What it covers, as the unit names it: "Năm 2022", "6 tháng đầu năm 2023".
    public var period: String
    public var effect: String
    public var efficiency: String
    public var potential: String
    public var problems: String?
    public var helpGiven: String?
    public var recordedBy: UUID

    static let columns: StaticString = """
        id, exemplar_id, evaluated_on, period, effect, efficiency, potential, problems, help_given, recorded_by
        """

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        exemplarID = try row.decode(column: "exemplar_id")
        evaluatedOn = try row.decode(column: "evaluated_on")
        period = try row.decode(column: "period")
        effect = try row.decode(column: "effect")
        efficiency = try row.decode(column: "efficiency")
        potential = try row.decode(column: "potential")
        problems = try row.decode(String?.self, column: "problems")
        helpGiven = try row.decode(String?.self, column: "help_given")
        recordedBy = try row.decode(column: "recorded_by")
    }
}
