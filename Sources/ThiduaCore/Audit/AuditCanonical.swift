import Foundation

/// The exact bytes the audit trail's hashes cover, built here independently of the database.
///
/// Every field is its length in UTF-8 bytes (decimal), `:`, then the field; a NULL field is `~`. So no reason,
/// record id or JSON text can make two different events, heads or checkpoints read alike.
///
/// ```swift
/// AuditCanonical.event(event)   // == SELECT thidua.audit_canonical(seq, record_type, …, before, after)
/// ```
/// The definitions live with the SQL: `audit_canonical` in migration 0005, the head entries and the
/// checkpoint fields of the roots in 0007.
public enum AuditCanonical {
    /// What `thidua.audit_canonical(seq, record_type, record_id, occurred_at, area_id, actor_id, on_behalf_of,
    /// actor_role, actor_unit_id, record_unit_id, action, reason, request_id, before, after)` returns for the event.
    public static func event(_ event: AuditChainEvent) -> String {
        var bytes: [UInt8] = []
        append(AuditEventBytes(event), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `thidua.audit_head_canonical(record_type, record_id, seq, hash)` returns.
    public static func head(recordType: String, recordID: String, seq: Int, hash: SHA256Digest) -> String {
        var bytes: [UInt8] = []
        appendHead(recordType: recordType, recordID: recordID, seq: seq, hash: hash, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What `thidua.audit_checkpoint_canonical(id, sealed_at, sealed_by, first_event_id, last_event_id,
    /// event_count)` returns for the checkpoint.
    public static func checkpoint(_ checkpoint: AuditCheckpoint) -> String {
        var bytes: [UInt8] = []
        append(checkpoint, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ event: AuditEventBytes, to bytes: inout [UInt8]) {
        appendField(Int64(event.seq), to: &bytes)
        appendField(event.recordType, to: &bytes)
        appendField(event.recordID, to: &bytes)
        appendField(event.occurredAtMicroseconds, to: &bytes)
        appendField(event.areaID, to: &bytes)
        appendField(event.actorID, to: &bytes)
        appendField(event.onBehalfOf, to: &bytes)
        appendField(event.actorRole, to: &bytes)
        appendField(event.actorUnitID, to: &bytes)
        appendField(event.recordUnitID, to: &bytes)
        appendField(event.action, to: &bytes)
        appendField(event.reason, to: &bytes)
        appendField(event.requestID, to: &bytes)
        appendField(event.before, to: &bytes)
        appendField(event.after, to: &bytes)
    }

    static func appendHead(recordType: String, recordID: String, seq: Int, hash: SHA256Digest, to bytes: inout [UInt8]) {
        appendField(recordType, to: &bytes)
        appendField(recordID, to: &bytes)
        appendField(Int64(seq), to: &bytes)
        appendDecimal(64, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        hash.appendHex(to: &bytes)
    }

    static func append(_ head: AuditCheckpointHead, to bytes: inout [UInt8]) {
        appendHead(recordType: head.record.type, recordID: head.record.id, seq: head.seq, hash: head.hash, to: &bytes)
    }

    /// SHA-256 of a checkpoint's head entries, which must come in byte order of their record.
    static func headsDigest(_ heads: some Sequence<AuditCheckpointHead>) -> SHA256Digest {
        var bytes: [UInt8] = []
        for head in heads { append(head, to: &bytes) }
        return SHA256Digest(hashing: bytes)
    }

    static func append(_ checkpoint: AuditCheckpoint, to bytes: inout [UInt8]) {
        appendField(checkpoint.id, to: &bytes)
        appendField(checkpoint.sealedAtMicroseconds, to: &bytes)
        appendField(checkpoint.sealedBy, to: &bytes)
        appendField(checkpoint.firstEventID, to: &bytes)
        appendField(checkpoint.lastEventID, to: &bytes)
        appendField(checkpoint.eventCount, to: &bytes)
    }

    private static let null = UInt8(ascii: "~")
    private static let separator = UInt8(ascii: ":")

    private static func appendField(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendField($0, to: &bytes) }
    }

    private static func appendField(_ utf8: [UInt8]?, to bytes: inout [UInt8]) {
        guard let utf8 else { return bytes.append(null) }
        utf8.withUnsafeBufferPointer { appendField($0, to: &bytes) }
    }

    private static func appendField(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        appendDecimal(Int64(utf8.count), to: &bytes)
        bytes.append(separator)
        bytes.append(contentsOf: utf8)
    }

    /// An integer as PostgreSQL's `::text` writes it.
    private static func appendField(_ number: Int64, to bytes: inout [UInt8]) {
        var length: Int64 = number < 0 ? 2 : 1
        var magnitude = number.magnitude
        while magnitude >= 10 {
            magnitude /= 10
            length += 1
        }
        appendDecimal(length, to: &bytes)
        bytes.append(separator)
        appendDecimal(number, to: &bytes)
    }

    /// A uuid as PostgreSQL's `::text` writes it: lowercase, hyphenated, 36 characters.
    private static func appendField(_ uuid: UUID?, to bytes: inout [UInt8]) {
        guard let uuid else { return bytes.append(null) }
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { text in
            text[0] = UInt8(ascii: "3")
            text[1] = UInt8(ascii: "6")
            text[2] = separator
            var position = 3
            withUnsafeBytes(of: uuid.uuid) { raw in
                for (index, byte) in raw.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = hexDigit(byte >> 4)
                    text[position + 1] = hexDigit(byte & 0x0f)
                    position += 2
                }
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: text[0..<39]))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
    }

    /// Decimal digits, with a leading `-` when negative; no allocation.
    private static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }
}
