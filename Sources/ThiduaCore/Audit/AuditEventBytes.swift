import Foundation
import Postgres

/// An audit event's hashed fields with text kept as the UTF-8 bytes PostgreSQL sent: what the verifier reads
/// a million of. Making a `String` checks every byte is valid UTF-8, which for a kilobyte of JSON costs more
/// than hashing it; the hash needs only the bytes.
struct AuditEventBytes {
    var id: Int64
    var occurredAtMicroseconds: Int64
    var areaID: [UInt8]?
    var recordType: [UInt8]
    var recordID: [UInt8]
    var seq: Int
    var actorID: UUID
    var onBehalfOf: UUID?
    var actorRole: [UInt8]
    var actorUnitID: UUID?
    var recordUnitID: UUID?
    var action: [UInt8]
    var reason: [UInt8]?
    var requestID: [UInt8]?
    var before: [UInt8]?
    var after: [UInt8]?
    var prevHash: SHA256Digest
    var hash: SHA256Digest

    /// Reads a row of ``AuditChainEvent/columns``, by position.
    init(row: PostgresRow) throws {
        id = try row.decode(Int64.self, at: 0)
        occurredAtMicroseconds = try row.decode(UnixMicroseconds.self, at: 1).value
        areaID = try row.decode(UTF8Bytes?.self, at: 2)?.bytes
        recordType = try row.decode(UTF8Bytes.self, at: 3).bytes
        recordID = try row.decode(UTF8Bytes.self, at: 4).bytes
        seq = Int(try row.decode(Int32.self, at: 5))
        actorID = try row.decode(UUID.self, at: 6)
        onBehalfOf = try row.decode(UUID?.self, at: 7)
        actorRole = try row.decode(UTF8Bytes.self, at: 8).bytes
        actorUnitID = try row.decode(UUID?.self, at: 9)
        recordUnitID = try row.decode(UUID?.self, at: 10)
        action = try row.decode(UTF8Bytes.self, at: 11).bytes
        reason = try row.decode(UTF8Bytes?.self, at: 12)?.bytes
        requestID = try row.decode(UTF8Bytes?.self, at: 13)?.bytes
        before = try row.decode(UTF8Bytes?.self, at: 14)?.bytes
        after = try row.decode(UTF8Bytes?.self, at: 15)?.bytes
        prevHash = try row.decode(SHA256Digest.self, at: 16)
        hash = try row.decode(SHA256Digest.self, at: 17)
    }

    init(_ event: AuditChainEvent) {
        id = event.id
        occurredAtMicroseconds = event.occurredAtMicroseconds
        areaID = event.areaID.map { Array($0.utf8) }
        recordType = Array(event.recordType.utf8)
        recordID = Array(event.recordID.utf8)
        seq = event.seq
        actorID = event.actorID
        onBehalfOf = event.onBehalfOf
        actorRole = Array(event.actorRole.utf8)
        actorUnitID = event.actorUnitID
        recordUnitID = event.recordUnitID
        action = Array(event.action.utf8)
        reason = event.reason.map { Array($0.utf8) }
        requestID = event.requestID.map { Array($0.utf8) }
        before = event.before.map { Array($0.utf8) }
        after = event.after.map { Array($0.utf8) }
        prevHash = event.prevHash
        hash = event.hash
    }

    /// The record, as text (for messages and for ordering against checkpoint heads).
    var record: AuditRecordKey {
        AuditRecordKey(type: String(decoding: recordType, as: UTF8.self), id: String(decoding: recordID, as: UTF8.self))
    }
}
