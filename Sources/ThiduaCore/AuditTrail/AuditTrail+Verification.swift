import Postgres

extension AuditTrail {
    /// Recomputes the whole hash chain for an auditor (DESIGN.md §4, §6), through a connection of its own as
    /// `thidua_verifier` (0001): the one login that sees every area's trail, and may read nothing else. The
    /// application's role stays under row-level security, which would hide records and make them look removed.
    /// Without `verifierURL` the auditor is told ``ThiduaError/verifierUnavailable``. `progress` hears, after each
    /// batch, how many events were checked out of how many there are (as ``AuditVerifier/verify(expecting:progress:)``).
    ///
    /// ```swift
    /// let result = try await AuditTrail.verifyChain(connectingTo: verifierURL, expecting: .latest(keptRoot), as: auditor)
    /// result.problem?.vietnamese   // nil when intact
    /// ```
    public static func verifyChain(
        connectingTo verifierURL: String?, expecting root: AuditExpectedRoot? = nil, as actor: Actor,
        progress: (@Sendable (_ checked: Int, _ total: Int?) -> Void)? = nil
    ) async throws -> AuditVerification {
        try permitVerification(by: actor)
        guard let verifierURL else { throw ThiduaError.verifierUnavailable }
        let connection = try await PostgresConnection.connect(to: verifierURL)
        defer { connection.close() }
        return try await AuditVerifier(connection: connection).verify(expecting: root, progress: progress)
    }

    /// Refuses anyone but an auditor, before any work is queued for them: a server that lets one verification
    /// run at a time asks this first, so a clerk hears 403, not "one is running".
    public static func permitVerification(by actor: Actor) throws {
        _ = try Policy.permit(actor, .verifyAuditChain)
    }
}
