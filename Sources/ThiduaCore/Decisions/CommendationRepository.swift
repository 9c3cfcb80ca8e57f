import Foundation
import Postgres

/// A nominee's commendation history: every record signed decisions (and granted proposals) made, revoked ones
/// included and marked. Their unit, the overseers and the chairman read it.
///
/// ```swift
/// let history = try await CommendationRepository(store: store).history(of: nomineeID, as: secretary)
/// history.filter { !$0.isRevoked }.map(\.reference)   // ["12/QĐ-UBND"]
/// ```
public struct CommendationRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    public func history(of nomineeID: UUID, as actor: Actor) async throws -> [CommendationRecord] {
        try Policy.permit(actor, .view)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: CommendationRecord.columns) FROM thidua.commendation_records
                WHERE nominee_id = \(nomineeID) ORDER BY year, conferred_on, id
                """).map(CommendationRecord.init(row:))
        }
    }
}
