import Foundation
import Postgres

/// A person, collective, household or locality as a lasting identity: their nominations across years and
/// rounds hang together through it.
public struct Nominee: Sendable, Hashable, Codable {
    public var id: UUID
    public var unitID: UUID
    public var kind: NomineeKind
    public var name: String
    /// How report 0603.N counts them; `nil` while not classified.
    public var recipientClass: RecipientClass?

    static let columns: StaticString = "id, unit_id, kind, name, recipient_class"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        unitID = try row.decode(column: "unit_id")
        kind = try row.decodeEnum(column: "kind")
        name = try row.decode(column: "name")
        recipientClass = try row.decode(String?.self, column: "recipient_class").flatMap(RecipientClass.init(rawValue:))
    }
}
