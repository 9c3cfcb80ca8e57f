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

    /// The same columns of `v`, named `latest_…`, for a row that carries an exemplar's latest evaluation beside
    /// the exemplar's own columns (``ExemplarRepository/candidates(for:as:)``).
    static let latestColumns: StaticString = """
        v.id AS latest_id, v.exemplar_id AS latest_exemplar_id, v.evaluated_on AS latest_evaluated_on, v.period AS latest_period,
        v.effect AS latest_effect, v.efficiency AS latest_efficiency, v.potential AS latest_potential,
        v.problems AS latest_problems, v.help_given AS latest_help_given, v.recorded_by AS latest_recorded_by
        """

    init(row: PostgresRow) throws {
        try self.init(row: row, prefix: "")
    }

    /// Decodes the columns named `prefix` + the column (``columns`` with no prefix, ``latestColumns`` with `latest_`).
    init(row: PostgresRow, prefix: String) throws {
        id = try row.decode(column: prefix + "id")
        exemplarID = try row.decode(column: prefix + "exemplar_id")
        evaluatedOn = try row.decode(column: prefix + "evaluated_on")
        period = try row.decode(column: prefix + "period")
        effect = try row.decode(column: prefix + "effect")
        efficiency = try row.decode(column: prefix + "efficiency")
        potential = try row.decode(column: prefix + "potential")
        problems = try row.decode(String?.self, column: prefix + "problems")
        helpGiven = try row.decode(String?.self, column: prefix + "help_given")
        recordedBy = try row.decode(column: prefix + "recorded_by")
    }
}
