import Foundation
import Postgres

/// A checkpoint of the audit trail: the events with ids `firstEventID...lastEventID` sealed under one root,
/// which chains from the previous checkpoint's root (migration 0007 defines the bytes).
public struct AuditCheckpoint: Sendable, Hashable {
    /// 1, 2, 3…
    public var id: Int64
    /// When it was sealed, in microseconds since 1970-01-01 00:00 UTC (the precision the root covers).
    public var sealedAtMicroseconds: Int64
    /// The user who sealed it (all zeros for the installer).
    public var sealedBy: UUID
    /// The previous checkpoint's `lastEventID` + 1 (1 for the first): the ranges tile the event ids.
    public var firstEventID: Int64
    /// The highest event id sealed.
    public var lastEventID: Int64
    /// How many events have an id in the range.
    public var eventCount: Int64
    /// SHA-256 of the range's record chain heads (see ``AuditCanonical/head(recordType:recordID:seq:hash:)``).
    public var headsDigest: SHA256Digest
    /// The previous checkpoint's root; 32 zero bytes for the first.
    public var previousRoot: SHA256Digest
    /// SHA-256(previousRoot ‖ UTF-8 of ``AuditCanonical/checkpoint(_:)`` ‖ headsDigest). Keep the latest one
    /// outside the database and pass it to ``AuditVerifier/verify(expecting:progress:)``.
    public var root: SHA256Digest

    public init(
        id: Int64, sealedAtMicroseconds: Int64, sealedBy: UUID, firstEventID: Int64, lastEventID: Int64,
        eventCount: Int64, headsDigest: SHA256Digest, previousRoot: SHA256Digest, root: SHA256Digest
    ) {
        self.id = id
        self.sealedAtMicroseconds = sealedAtMicroseconds
        self.sealedBy = sealedBy
        self.firstEventID = firstEventID
        self.lastEventID = lastEventID
        self.eventCount = eventCount
        self.headsDigest = headsDigest
        self.previousRoot = previousRoot
        self.root = root
    }

    public var sealedAt: Date {
        Date(timeIntervalSince1970: Double(sealedAtMicroseconds) / 1_000_000)
    }

    /// The root these fields make: what ``root`` must be.
    public var computedRoot: SHA256Digest {
        var bytes: [UInt8] = []
        previousRoot.withUnsafeBytes { bytes.append(contentsOf: $0) }
        AuditCanonical.append(self, to: &bytes)
        headsDigest.withUnsafeBytes { bytes.append(contentsOf: $0) }
        return SHA256Digest(hashing: bytes)
    }

    /// The columns ``init(row:)`` reads, in its order.
    static let columns = """
        id, sealed_at, sealed_by, first_event_id, last_event_id, event_count, heads_digest, previous_root, root
        """

    init(row: PostgresRow) throws {
        id = try row.decode(Int64.self, at: 0)
        sealedAtMicroseconds = try row.decode(UnixMicroseconds.self, at: 1).value
        sealedBy = try row.decode(UUID.self, at: 2)
        firstEventID = try row.decode(Int64.self, at: 3)
        lastEventID = try row.decode(Int64.self, at: 4)
        eventCount = try row.decode(Int64.self, at: 5)
        headsDigest = try row.decode(SHA256Digest.self, at: 6)
        previousRoot = try row.decode(SHA256Digest.self, at: 7)
        root = try row.decode(SHA256Digest.self, at: 8)
    }
}
