import Postgres

/// One row of `thidua.audit_checkpoint_heads`: the last event (seq and hash) of a record chain that changed
/// within a checkpoint's range.
struct AuditCheckpointHead: Sendable, Hashable {
    var record: AuditRecordKey
    var seq: Int
    var checkpointID: Int64
    var hash: SHA256Digest

    /// The columns ``init(row:)`` reads, in its order; also the order heads are streamed in.
    static let columns = "record_type, record_id, seq, checkpoint_id, hash"

    init(row: PostgresRow) throws {
        record = AuditRecordKey(type: try row.decode(String.self, at: 0), id: try row.decode(String.self, at: 1))
        seq = Int(try row.decode(Int32.self, at: 2))
        checkpointID = try row.decode(Int64.self, at: 3)
        hash = try row.decode(SHA256Digest.self, at: 4)
    }
}
