import Foundation
import Postgres

/// A unit that takes part: a commune, a department, an armed force, an enterprise, the council.
public struct Unit: Sendable, Hashable, Codable {
    public var id: UUID
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentID: UUID?
    public var clusterID: UUID?
    /// `yyyy-MM-dd`; the first day the unit exists.
    public var validFrom: String
    /// `yyyy-MM-dd`; the first day it no longer exists (the district level ended on 2025-07-01).
    public var validTo: String?

    static let columns: StaticString = "id, code, name, kind, parent_id, cluster_id, valid_from::text, valid_to::text"

    init(row: PostgresRow) throws {
        id = try row.decode(column: "id")
        code = try row.decode(column: "code")
        name = try row.decode(column: "name")
        kind = try row.decodeEnum(column: "kind")
        parentID = try row.decode(column: "parent_id")
        clusterID = try row.decode(column: "cluster_id")
        validFrom = try row.decode(column: "valid_from")
        validTo = try row.decode(column: "valid_to")
    }
}

/// How one unit became another: a merge, split, rename or transfer, on a date, by a legal act.
public enum SuccessionKind: String, Sendable, Hashable, CaseIterable, Codable {
    case merge, split, rename, transfer
}
