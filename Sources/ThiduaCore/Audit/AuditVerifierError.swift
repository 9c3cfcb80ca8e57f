/// Why verification could not run at all (as opposed to an ``AuditProblem`` it found).
public enum AuditVerifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The session's role is subject to row-level security, so it sees only part of the trail and every
    /// record it cannot see would look removed. Verify as a superuser or a role with `BYPASSRLS`.
    case partialView(role: String)

    public var description: String {
        switch self {
        case .partialView(let role):
            "role \(role) sees the audit trail through row-level security; verify as a superuser or a BYPASSRLS role"
        }
    }
}
