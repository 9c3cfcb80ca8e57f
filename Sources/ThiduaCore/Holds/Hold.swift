import Foundation
import Postgres

/// A hold on a nominee from `startsOn` until the day before `endsOn` (or until lifted): no decision commends
/// them and no proposal names them on a day it is in force (`thidua.hold_on`, 0010).
public struct Hold: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var nomineeID: UUID
    public var kind: HoldKind
    public var startsOn: Date
    public var endsOn: Date?
    public var basis: String
    public var placedBy: UUID
    public var liftedOn: Date?
    public var liftReason: String?
    public var version: Int

    static let columns: StaticString = "id, nominee_id, kind, starts_on, ends_on, basis, placed_by, lifted_on, lift_reason, version"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        nomineeID = try row.decode(column: "nominee_id")
        kind = try row.decodeEnum(column: "kind")
        startsOn = try row.decode(column: "starts_on")
        endsOn = try row.decode(Date?.self, column: "ends_on")
        basis = try row.decode(column: "basis")
        placedBy = try row.decode(column: "placed_by")
        liftedOn = try row.decode(Date?.self, column: "lifted_on")
        liftReason = try row.decode(String?.self, column: "lift_reason")
        version = try row.decode(column: "version")
    }
}
