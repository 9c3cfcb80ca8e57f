import Foundation
import Postgres

/// The base salary (mức lương cơ sở) in force over a period, in VND, with its basis.
public struct BaseSalary: Sendable, Hashable, Codable {
    public var amount: Int64
    public var validFrom: Date
    public var validTo: Date?
    public var legalBasis: String
    public var verification: RuleVerification

    static let columns: StaticString = "amount, valid_from, valid_to, legal_basis, verification"

    init(row: PostgresRow) throws {
        amount = try row.decode(column: "amount")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(Date?.self, column: "valid_to")
        legalBasis = try row.decode(column: "legal_basis")
        verification = try row.decodeEnum(column: "verification")
    }
}
