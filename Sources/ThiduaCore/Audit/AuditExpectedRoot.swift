/// A checkpoint root the auditor kept outside the database (printed in a report, sent to the district), which
/// catches even a superuser who rewrote events, heads and every checkpoint after them.
public enum AuditExpectedRoot: Sendable, Hashable {
    /// The latest checkpoint's root must be this one: no checkpoint was sealed since it was noted.
    case latest(SHA256Digest)
    /// Checkpoint `id` must still exist with this root (later checkpoints chain from it).
    case checkpoint(id: Int64, root: SHA256Digest)

    /// From how an auditor writes it down: 64 hex digits for the latest root, or `ID:HEX` for checkpoint ID's;
    /// `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, let id = Int64(parts[0]), let root = SHA256Digest(hex: parts[1]) {
            self = .checkpoint(id: id, root: root)
        } else if parts.count == 1, let root = SHA256Digest(hex: parts[0]) {
            self = .latest(root)
        } else {
            return nil
        }
    }
}
