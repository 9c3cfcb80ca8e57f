import Foundation
import Postgres

/// An exemplar as a review weighs it: what it was commended with, how often it was evaluated and what the
/// latest evaluation said, how far it spread, and whether it is selected already.
public struct ReviewCandidate: Sendable, Hashable, Codable {
    public var exemplar: Exemplar
    public var form: String
    public var commendationYear: Int
    public var reference: String
    public var evaluations: Int
    public var latestEvaluation: ExemplarEvaluation?
    public var propagations: Int
    public var replications: Int
    public var selected: Bool

    /// A row of ``ExemplarRepository/candidates(for:as:)``: the exemplar's columns, the counts, and its latest
    /// evaluation as ``ExemplarEvaluation/latestColumns`` (NULL when it has none).
    init(row: PostgresRow) throws {
        exemplar = try Exemplar(row: row)
        form = try row.decode(column: "form_code")
        commendationYear = try row.decode(column: "year")
        reference = try row.decode(column: "reference")
        evaluations = try row.decode(column: "evaluations")
        latestEvaluation = try row.decode(UUID?.self, column: "latest_id") == nil ? nil : try ExemplarEvaluation(row: row, prefix: "latest_")
        propagations = try row.decode(column: "propagations")
        replications = try row.decode(column: "replications")
        selected = try row.decode(column: "selected")
    }
}
