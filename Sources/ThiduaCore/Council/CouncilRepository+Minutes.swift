import Foundation
import Postgres

extension CouncilRepository {
    /// The session's minutes as the actor may read it (the secretariat, council members, the chairman, auditors:
    /// ``CouncilAction/view``): a draft while the session is open, final once it is closed. Read under the
    /// actor's row-level security, like ``session(_:as:)``, so a member recused from a nomination of an open
    /// session sees no one else's vote on it here either.
    public func minutes(_ sessionID: UUID, as actor: Actor) async throws -> CouncilMinutes {
        try Policy.permit(actor, CouncilAction.view)
        return try await store.read(actor) { connection in
            let session = try await load(sessionID, on: connection)
            guard let about = try await connection.query("""
                SELECT (SELECT count(*)::integer FROM thidua.council_sessions o
                        WHERE o.round_id = s.round_id AND o.opened_at <= s.opened_at) AS number,
                       coalesce((SELECT u.name FROM thidua.units u
                                 WHERE u.area_id = s.area_id AND u.kind = 'council' AND u.valid_from <= s.opened_at::date
                                   AND (u.valid_to IS NULL OR u.valid_to > s.opened_at::date)
                                 ORDER BY u.valid_from DESC LIMIT 1),
                                'Hội đồng Thi đua - Khen thưởng') AS council,
                       a.name AS place
                FROM thidua.council_sessions s JOIN thidua.areas a ON a.id = s.area_id
                WHERE s.id = \(sessionID)
                """).single() else { throw ThiduaError.notFound("phiên họp Hội đồng / council session") }
            let people = try await connection.query("""
                SELECT id, full_name FROM thidua.users
                WHERE id = ANY (\(session.roster.map(\.memberID) + [session.openedBy]))
                ORDER BY full_name COLLATE "vi-VN-x-icu", id
                """).map { (id: try $0.decode(UUID.self, at: 0), name: try $0.decode(String.self, at: 1)) }
            var units: [UUID: String] = [:]
            for row in try await connection.query("""
                SELECT id, name FROM thidua.units WHERE id = ANY (\(session.roster.map(\.unitID) + session.items.map(\.unitID)))
                """) {
                units[try row.decode(UUID.self, at: 0)] = try row.decode(String.self, at: 1)
            }
            let nominations = try await connection.query("""
                SELECT n.id, n.nominee_name, n.nominee_kind, n.unit_id, n.title, m.name AS movement
                FROM thidua.nominations n JOIN thidua.movements m ON m.id = n.movement_id
                WHERE n.id = ANY (\(session.items.map(\.nominationID)))
                ORDER BY n.nominee_name COLLATE "vi-VN-x-icu", n.id
                """).map { row in
                CouncilMinutes.Facts.Nomination(
                    id: try row.decode(column: "id"), nomineeName: try row.decode(column: "nominee_name"),
                    nomineeKind: try row.decodeEnum(column: "nominee_kind"), unitID: try row.decode(column: "unit_id"),
                    title: try row.decode(column: "title"), movementName: try row.decode(column: "movement"))
            }
            return CouncilMinutes(session: session, facts: CouncilMinutes.Facts(
                number: try about.decode(column: "number"), council: try about.decode(column: "council"),
                place: try about.decode(column: "place"), people: people, units: units, nominations: nominations))
        }
    }
}
