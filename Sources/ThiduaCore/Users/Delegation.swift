import Foundation
import Postgres

/// A role lent by its holder to a colleague for a period (ký thay, thừa lệnh), as the administrator reads it.
public struct Delegation: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var delegatorID: UUID
    public var delegatorName: String
    public var delegateID: UUID
    public var delegateName: String
    public var role: Role
    public var style: DelegationStyle
    public var validFrom: Date
    public var validTo: Date
    public var basis: String
    public var revokedAt: Date?

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        delegatorID = try row.decode(column: "delegator_id")
        delegatorName = try row.decode(column: "delegator_name")
        delegateID = try row.decode(column: "delegate_id")
        delegateName = try row.decode(column: "delegate_name")
        role = try row.decodeEnum(column: "role")
        style = try row.decodeEnum(column: "style")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(column: "valid_to")
        basis = try row.decode(column: "basis")
        revokedAt = try row.decode(column: "revoked_at")
    }
}
