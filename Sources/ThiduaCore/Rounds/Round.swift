import Foundation
import Postgres

/// A round of selection (đợt): a year and level, when it opens and is due, its state and the documents a dossier
/// needs.
public struct Round: Sendable, Hashable, Codable {
    public var id: UUID
    public var code: String
    public var name: String
    public var year: Int
    public var level: String
    public var opensAt: Date
    public var dueAt: Date
    public var state: String
    public var requiredDossierKinds: [DossierKind]
    /// The plan the round carries out, as a decision cites it after the law.
    public var planCitation: String?
    public var version: Int

    static let columns: StaticString = "id, code, name, year, level, opens_at, due_at, state, required_dossier_kinds, plan_citation, version"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        name = try row.decode(column: "name")
        year = try row.decode(column: "year")
        level = try row.decode(column: "level")
        opensAt = try row.decode(column: "opens_at")
        dueAt = try row.decode(column: "due_at")
        state = try row.decode(column: "state")
        requiredDossierKinds = try row.decode([String].self, column: "required_dossier_kinds").compactMap(DossierKind.init(rawValue:))
        planCitation = try row.decode(column: "plan_citation")
        version = try row.decode(column: "version")
    }
}
