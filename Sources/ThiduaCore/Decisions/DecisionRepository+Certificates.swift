import Foundation
import Postgres

extension DecisionRepository {
    /// The certificates of a signed commendation decision, one per standing commendation record, in the order of
    /// its items (``DecisionAction/printCertificates``). A proposal or a revocation confers nothing here
    /// (``DecisionRefusal/certificatesOnlyForCommendations``); a decision not signed (a draft, one sent back, or
    /// one revoked since) is ``DecisionRefusal/state(_:)``. Revoked records never get a certificate.
    public func certificates(_ id: UUID, as actor: Actor) async throws -> [Certificate] {
        try Policy.permit(actor, .printCertificates)
        return try await store.read(actor) { connection in
            let decision = try await load(id, on: connection)
            _ = try DecisionLifecycle.next(from: decision.state, kind: decision.kind, on: .printCertificates, by: actor)
            let document = try await document(of: decision, on: connection)
            let numbers = Dictionary(uniqueKeysWithValues: decision.liveItems.enumerated().map { ($1.id, $0 + 1) })
            let records = try await connection.query("""
                SELECT r.id, r.decision_item_id, r.nominee_id, r.nominee_name, i.nominee_kind, u.name AS unit_name,
                       m.name AS movement_name, r.year, r.form_code, f.name AS form_name, f.kind = 'emulation_title' AS is_title,
                       r.amount
                FROM thidua.commendation_records r
                JOIN thidua.decision_items i ON i.id = r.decision_item_id
                JOIN thidua.units u ON u.id = r.unit_id
                JOIN thidua.movements m ON m.id = i.movement_id
                JOIN thidua.commendation_forms f ON f.code = r.form_code
                WHERE r.decision_id = \(id) AND r.revoked_at IS NULL
                """).map { row in
                Certificate.Facts(
                    recordID: try row.decode(column: "id"), itemID: try row.decode(column: "decision_item_id"),
                    nomineeID: try row.decode(column: "nominee_id"), nomineeName: try row.decode(column: "nominee_name"),
                    nomineeKind: try row.decodeEnum(column: "nominee_kind"), unitName: try row.decode(column: "unit_name"),
                    movementName: try row.decode(column: "movement_name"), year: try row.decode(column: "year"),
                    form: try row.decode(column: "form_code"), formName: try row.decode(column: "form_name"),
                    isEmulationTitle: try row.decode(column: "is_title"), amount: try row.decode(Int64?.self, column: "amount"))
            }
            return records
                .compactMap { facts in numbers[facts.itemID].map { (facts, $0) } }
                .sorted { $0.1 < $1.1 }
                .map { Certificate($0, number: $1, decision: decision, document: document) }
        }
    }
}
