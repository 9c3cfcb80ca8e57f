import Foundation
import Synchronization
import ThiduaCore

/// The verifications of the whole chain auditors started from `/kiem-tra/chuoi`, kept in this server's memory
/// by user: each page load reads how far its check has come. One runs at a time on a server (it reads the
/// whole trail). Held by one instance: behind several, the refreshing page must reach the one that started
/// its check (sticky sessions), or it shows none and offers to start again.
final class AuditChainChecks: Sendable {
    /// One auditor's check: running (how far), or over (with its result or the error that stopped it).
    struct Check: Sendable {
        var startedAt: Date
        var checked: Int
        var total: Int?
        var finishedAt: Date?
        var result: AuditVerification?
        var failure: String?
        var isRunning: Bool { finishedAt == nil }
    }

    private let checks = Mutex<[UUID: Check]>([:])

    func check(of user: UUID) -> Check? { checks.withLock { $0[user] } }

    /// Starts `work` for `user` unless a check runs already (theirs or anyone's): then false, and nothing starts.
    /// `work` is told how to report progress; what it returns or throws ends the check.
    func start(
        for user: UUID, failureMessage: @escaping @Sendable (any Error) -> String,
        _ work: @escaping @Sendable (_ progress: @escaping @Sendable (Int, Int?) -> Void) async throws -> AuditVerification
    ) -> Bool {
        let started = checks.withLock { checks in
            if checks.values.contains(where: \.isRunning) { return false }
            checks[user] = Check(startedAt: Date(), checked: 0, total: nil)
            return true
        }
        guard started else { return false }
        Task {
            let outcome: Result<AuditVerification, any Error>
            do {
                outcome = .success(try await work { checked, total in
                    self.checks.withLock { checks in
                        checks[user]?.checked = checked
                        checks[user]?.total = total
                    }
                })
            } catch {
                outcome = .failure(error)
            }
            checks.withLock { checks in
                checks[user]?.finishedAt = Date()
                switch outcome {
                case .success(let result):
                    checks[user]?.result = result
                    checks[user]?.checked = result.eventsChecked
                case .failure(let error):
                    checks[user]?.failure = failureMessage(error)
                }
            }
        }
        return true
    }
}
