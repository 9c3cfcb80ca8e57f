import Foundation
import Postgres

/// An audit event as its record's hash chain sees it: every field the hash covers, the event's place in the
/// chain, and the two hashes (migration 0005).
///
/// `before` and `after` are PostgreSQL's own text of the `jsonb` values (`before::text`), never JSON
/// re-serialised here: the hash covers exactly the bytes PostgreSQL printed.
public struct AuditChainEvent: Sendable, Hashable {
    public var id: Int64
    /// When it happened, in microseconds since 1970-01-01 00:00 UTC (the precision the hash covers).
    public var occurredAtMicroseconds: Int64
    /// The area whose people may read the event (row-level security); `nil` when no area applies.
    public var areaID: String?
    public var recordType: String
    public var recordID: String
    /// Position in the record's chain, from 1.
    public var seq: Int
    public var actorID: UUID
    public var onBehalfOf: UUID?
    public var actorRole: String
    public var actorUnitID: UUID?
    public var recordUnitID: UUID?
    public var action: String
    public var reason: String?
    public var requestID: String?
    public var before: String?
    public var after: String?
    /// The hash of the record's previous event; 32 zero bytes for the first.
    public var prevHash: SHA256Digest
    public var hash: SHA256Digest

    public init(
        id: Int64, occurredAtMicroseconds: Int64, areaID: String? = nil, recordType: String, recordID: String, seq: Int, actorID: UUID,
        onBehalfOf: UUID? = nil, actorRole: String, actorUnitID: UUID? = nil, recordUnitID: UUID? = nil, action: String,
        reason: String? = nil, requestID: String? = nil, before: String? = nil, after: String? = nil,
        prevHash: SHA256Digest = .zero, hash: SHA256Digest = .zero
    ) {
        self.id = id
        self.occurredAtMicroseconds = occurredAtMicroseconds
        self.areaID = areaID
        self.recordType = recordType
        self.recordID = recordID
        self.seq = seq
        self.actorID = actorID
        self.onBehalfOf = onBehalfOf
        self.actorRole = actorRole
        self.actorUnitID = actorUnitID
        self.recordUnitID = recordUnitID
        self.action = action
        self.reason = reason
        self.requestID = requestID
        self.before = before
        self.after = after
        self.prevHash = prevHash
        self.hash = hash
    }

    public var occurredAt: Date {
        Date(timeIntervalSince1970: Double(occurredAtMicroseconds) / 1_000_000)
    }

    /// SHA-256(prevHash ‖ UTF-8 of ``AuditCanonical/event(_:)``): what ``hash`` must be.
    public var computedHash: SHA256Digest {
        var bytes: [UInt8] = []
        prevHash.withUnsafeBytes { bytes.append(contentsOf: $0) }
        AuditCanonical.append(AuditEventBytes(self), to: &bytes)
        return SHA256Digest(hashing: bytes)
    }

    /// The columns ``init(row:)`` reads, in its order.
    static let columns = """
        id, occurred_at, area_id, record_type, record_id, seq, actor_id, on_behalf_of, actor_role, actor_unit_id, \
        record_unit_id, action, reason, request_id, before::text, after::text, prev_hash, hash
        """

    /// Reads a row of ``columns``, by position.
    init(row: PostgresRow) throws {
        id = try row.decode(Int64.self, at: 0)
        occurredAtMicroseconds = try row.decode(UnixMicroseconds.self, at: 1).value
        areaID = try row.decode(String?.self, at: 2)
        recordType = try row.decode(String.self, at: 3)
        recordID = try row.decode(String.self, at: 4)
        seq = Int(try row.decode(Int32.self, at: 5))
        actorID = try row.decode(UUID.self, at: 6)
        onBehalfOf = try row.decode(UUID?.self, at: 7)
        actorRole = try row.decode(String.self, at: 8)
        actorUnitID = try row.decode(UUID?.self, at: 9)
        recordUnitID = try row.decode(UUID?.self, at: 10)
        action = try row.decode(String.self, at: 11)
        reason = try row.decode(String?.self, at: 12)
        requestID = try row.decode(String?.self, at: 13)
        before = try row.decode(String?.self, at: 14)
        after = try row.decode(String?.self, at: 15)
        prevHash = try row.decode(SHA256Digest.self, at: 16)
        hash = try row.decode(SHA256Digest.self, at: 17)
    }
}
