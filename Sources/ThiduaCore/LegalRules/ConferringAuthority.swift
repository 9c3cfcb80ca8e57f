import Foundation
import Postgres

/// One row of the authority table (Law art. 80; `conferring_authorities`, 0010): a decision-maker of `level`
/// may confer `formCode` from `validFrom` until the day before `validTo`.
public struct ConferringAuthority: Sendable, Hashable, Codable {
    public var level: AuthorityLevel
    public var formCode: String
    public var validFrom: Date
    public var validTo: Date?
    public var legalBasis: String
    public var verification: RuleVerification

    static let columns: StaticString = "level, form_code, valid_from, valid_to, legal_basis, verification"

    init(row: PostgresRow) throws {
        level = try row.decodeEnum(column: "level")
        formCode = try row.decode(column: "form_code")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(Date?.self, column: "valid_to")
        legalBasis = try row.decode(column: "legal_basis")
        verification = try row.decodeEnum(column: "verification")
    }
}
