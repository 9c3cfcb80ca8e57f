/// A checkpoint root the auditor kept outside the database (printed in a report, sent to the district), which
/// catches even a superuser who rewrote events, heads and every checkpoint after them.
public enum AuditExpectedRoot: Sendable, Hashable {
    /// The latest checkpoint's root must be this one: no checkpoint was sealed since it was noted.
    case latest(SHA256Digest)
    /// Checkpoint `id` must still exist with this root (later checkpoints chain from it).
    case checkpoint(id: Int64, root: SHA256Digest)
}
