import Foundation
import Postgres
import Synchronization

/// Read-only work sent to a streaming-replication hot standby (issue 17: `DATABASE_READ_URL`), so reports and the
/// auditors' reading do not load the primary — but only when the standby has everything the primary had
/// committed when the read began, so no one ever reads there a state older than their own last write.
///
/// Before each such read the primary's WAL position is taken (`pg_current_wal_insert_lsn()`, one short query: past every commit record, flushed or not), and the
/// read goes to the standby once its replay reaches that position, waiting at most ``maximumLag``; otherwise it
/// runs on the primary. A standby that cannot be reached, or cancels a read for a conflict with recovery, is
/// left alone for ``pause`` and the primary serves meanwhile. A read is never lost to the standby: whatever it
/// fails with, the read is made again on the primary.
public final class StandbyReads: Sendable {
    public let pool: PostgresPool
    /// How long a read waits for the standby to replay up to the primary's position before going to the primary.
    public let maximumLag: Duration
    /// How long a standby that failed is not asked again.
    public let pause: Duration

    private struct State {
        var resting: ContinuousClock.Instant?
        var servedByStandby = 0
        var servedByPrimary = 0
    }

    private let state = Mutex(State())

    public init(pool: PostgresPool, maximumLag: Duration = .milliseconds(500), pause: Duration = .seconds(10)) {
        self.pool = pool
        self.maximumLag = maximumLag
        self.pause = pause
    }

    /// Reads served by the standby and by the primary instead, since the start.
    public var counts: (standby: Int, primary: Int) {
        state.withLock { ($0.servedByStandby, $0.servedByPrimary) }
    }

    /// `body` in a read-only transaction on the standby when it has caught up with `primary`, else on `primary`.
    func read<T>(
        primary: PostgresPool,
        _ body: (_ connection: PostgresConnection) async throws -> T
    ) async throws -> T {
        if isAvailable, let position = try? await primary.query("SELECT pg_current_wal_insert_lsn()::text").first?.decode(String.self, at: 0) {
            do {
                if try await hasReplayed(position) {
                    let result = try await pool.withTransaction(readOnly: true) { connection in try await body(connection) }
                    state.withLock { $0.servedByStandby += 1 }
                    return result
                }
            } catch let error as PostgresError {
                // Made again on the primary whatever the standby said. A standby down, or one that cancelled the
                // read for a conflict with recovery (SQLSTATE 40001, 57014, 57P0x) or is out of resources (53…),
                // is left to rest; a refusal the primary would give too is only repeated there.
                if Self.isTheStandbys(error) { rest() }
            }
        }
        let result = try await primary.withTransaction(readOnly: true) { connection in try await body(connection) }
        state.withLock { $0.servedByPrimary += 1 }
        return result
    }

    private var isAvailable: Bool {
        state.withLock { state in
            guard let resting = state.resting else { return true }
            if ContinuousClock.now < resting.advanced(by: pause) { return false }
            state.resting = nil
            return true
        }
    }

    private static func isTheStandbys(_ error: PostgresError) -> Bool {
        switch error {
        case .server(let server):
            ["40001", "57014"].contains(server.sqlState) || server.sqlState.hasPrefix("57P") || server.sqlState.hasPrefix("53")
        case .connectionFailed, .connectionLost, .poolTimeout, .poolClosed, .protocolViolation: true
        case .decoding, .encoding, .misuse: false
        }
    }

    private func rest() {
        state.withLock { $0.resting = ContinuousClock.now }
    }

    /// Whether the standby's replay reaches `position` within ``maximumLag``; asked every 10 ms. A server that is
    /// not in recovery (a standby promoted, or a primary named by mistake) is never read from.
    private func hasReplayed(_ position: String) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: maximumLag)
        while true {
            let row = try await pool.query("""
                SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() >= \(position)::pg_lsn, false)
                """).first
            guard let row, try row.decode(Bool.self, at: 0) else {
                rest()
                return false
            }
            if try row.decode(Bool.self, at: 1) { return true }
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
