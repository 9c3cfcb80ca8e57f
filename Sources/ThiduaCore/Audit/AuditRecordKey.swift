/// A record whose changes form one hash chain: its table and its key, as the audit trail names them.
///
/// Compared and ordered by UTF-8 bytes, like PostgreSQL's `COLLATE "C"`: Swift's own `String` comparison
/// treats canonically equivalent strings as equal, and two such record ids are two records.
public struct AuditRecordKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The audited table (`nominations`, `units`…).
    public var type: String
    /// The record's key within it (`/`-joined for a composite key).
    public var id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    public var description: String { "\(type) \(id)" }

    public static func == (lhs: AuditRecordKey, rhs: AuditRecordKey) -> Bool {
        lhs.type.utf8.elementsEqual(rhs.type.utf8) && lhs.id.utf8.elementsEqual(rhs.id.utf8)
    }

    public static func < (lhs: AuditRecordKey, rhs: AuditRecordKey) -> Bool {
        if !lhs.type.utf8.elementsEqual(rhs.type.utf8) {
            return lhs.type.utf8.lexicographicallyPrecedes(rhs.type.utf8)
        }
        return lhs.id.utf8.lexicographicallyPrecedes(rhs.id.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type.utf8.count)
        for byte in type.utf8 { hasher.combine(byte) }
        for byte in id.utf8 { hasher.combine(byte) }
    }
}
