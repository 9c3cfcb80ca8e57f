import Foundation
import Postgres

extension DecisionRepository {
    /// The decisions and proposals the actor may see, in `states` when given: drafts and returned ones first,
    /// then the latest signed.
    public func list(states: [DecisionState]? = nil, as actor: Actor) async throws -> [DecisionSummary] {
        try Policy.permit(actor, .view)
        let wanted = (states ?? DecisionState.allCases).map(\.rawValue)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT d.id, d.kind, d.number, s.suffix, s.issuing_body, d.decided_on, d.subject, d.state, d.signed_at, d.version,
                       (SELECT count(*)::integer FROM thidua.decision_items i
                        WHERE i.decision_id = d.id AND i.removed_at IS NULL) AS item_count
                FROM thidua.decisions d JOIN thidua.decision_series s ON s.id = d.series_id
                WHERE d.state = ANY (\(wanted))
                ORDER BY d.state IN ('draft', 'returned') DESC, d.decided_on DESC, d.number DESC NULLS FIRST
                """).map(DecisionSummary.init(row:))
        }
    }
}
