import Postgres

/// A commendation type as the law table keeps it (`commendation_types`, 0010): whether awards of it count toward
/// proposals for higher merit awards, and on what basis.
public struct CommendationTypeRule: Sendable, Hashable, Codable {
    public var code: CommendationType
    public var name: String
    public var countsTowardHigher: Bool
    public var legalBasis: String

    static let columns: StaticString = "code, name, counts_toward_higher, legal_basis"

    init(row: PostgresRow) throws {
        code = try row.decodeEnum(column: "code")
        name = try row.decode(column: "name")
        countsTowardHigher = try row.decode(column: "counts_toward_higher")
        legalBasis = try row.decode(column: "legal_basis")
    }
}
