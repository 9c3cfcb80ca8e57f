import Foundation
import Postgres

extension RoundRepository {
    /// The deadline exceptions granted in a round, newest first, as far as the actor may see them: the
    /// secretariat and auditors all of them, a unit its own (0006).
    public func deadlineExceptions(round roundID: UUID, as actor: Actor) async throws -> [DeadlineException] {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT e.id, e.unit_id, n.name AS unit_name, e.until, e.reason, g.full_name AS granted_by_name, e.granted_at
                FROM thidua.deadline_exceptions e
                JOIN thidua.units n ON n.id = e.unit_id
                JOIN thidua.users g ON g.id = e.granted_by
                WHERE e.round_id = \(roundID)
                ORDER BY e.granted_at DESC, e.id
                """).map(DeadlineException.init(row:))
        }
    }
}
