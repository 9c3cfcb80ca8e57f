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

    init(row: PostgresRow, latest: ExemplarEvaluation?) throws {
        exemplar = try Exemplar(row: row)
        form = try row.decode(column: "form_code")
        commendationYear = try row.decode(column: "year")
        reference = try row.decode(column: "reference")
        evaluations = try row.decode(column: "evaluations")
        latestEvaluation = latest
        propagations = try row.decode(column: "propagations")
        replications = try row.decode(column: "replications")
        selected = try row.decode(column: "selected")
    }
}
