import Foundation
import Postgres

/// How many base salaries a form pays a nominee of one kind over a period (LAW.md "Money";
/// `reward_coefficients`, 0010).
public struct RewardCoefficient: Sendable, Hashable, Codable {
    public var formCode: String
    public var nomineeKind: NomineeKind
    public var coefficient: Decimal
    public var validFrom: Date
    public var validTo: Date?
    public var legalBasis: String
    public var verification: RuleVerification

    static let columns: StaticString = "form_code, nominee_kind, coefficient, valid_from, valid_to, legal_basis, verification"

    init(row: PostgresRow) throws {
        formCode = try row.decode(column: "form_code")
        nomineeKind = try row.decodeEnum(column: "nominee_kind")
        coefficient = try row.decode(column: "coefficient")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(Date?.self, column: "valid_to")
        legalBasis = try row.decode(column: "legal_basis")
        verification = try row.decodeEnum(column: "verification")
    }
}
