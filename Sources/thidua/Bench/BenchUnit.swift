import Foundation
import Postgres
import ThiduaCore

/// One commune or department as the benchmark drives it: its clerk creates drafts, its head submits them.
///
/// Communes nominate villages (bản) for "Cả nước chung sức xây dựng nông thôn mới"; departments nominate
/// households for "Nông dân thi đua sản xuất, kinh doanh giỏi". A unit that leads its movement (Hội Nông
/// dân huyện) has its submissions endorsed at once, as the workflow says.
struct BenchUnit: Sendable {
    let code: String
    let name: String
    let kind: UnitKind
    let clerk: Actor
    let head: Actor
    let movement: BenchMovement
    let nomineeKind: NomineeKind
    /// Where a submission lands: `.submitted`, or `.endorsed` for a unit leading its movement.
    let submittedState: NominationState
    /// Drafts to pick from (each registers a new nominee when created).
    let drafts: [NominationDraft]

    var unitID: UUID { clerk.unitID }

    /// Every commune and department with a clerk and a head, communes and departments alternately (each in
    /// code order), actors acting through sessions the superuser opens for them.
    static func loadAll(database: BenchDatabase, sessions: SessionRepository, draftsPerUnit: Int) async throws -> [BenchUnit] {
        let (roundID, _) = try await database.round()
        let movements = try await BenchMovement.load(codes: ["nong-thon-moi", "nong-dan-sxkd-gioi"], database: database)
        let rows = try await database.asSuperuser { connection in
            try await connection.query("""
                SELECT u.code, u.name, u.kind,
                       (SELECT us.id FROM thidua.users us JOIN thidua.role_grants g ON g.user_id = us.id
                        WHERE us.unit_id = u.id AND us.active AND g.role = 'unit_clerk' AND g.revoked_at IS NULL
                        ORDER BY us.username LIMIT 1) AS clerk,
                       (SELECT us.id FROM thidua.users us JOIN thidua.role_grants g ON g.user_id = us.id
                        WHERE us.unit_id = u.id AND us.active AND g.role = 'unit_head' AND g.revoked_at IS NULL
                        ORDER BY us.username LIMIT 1) AS head
                FROM thidua.units u
                WHERE u.kind IN ('commune', 'department')
                ORDER BY u.kind, u.code
                """).map { try $0.decode((String, String, String, UUID?, UUID?).self) }
        }
        // Communes and departments alternately, so that the first few units (the first few tasks') have both.
        typealias Row = (String, String, String, UUID?, UUID?)
        let communes: [Row] = rows.filter { $0.2 == UnitKind.commune.rawValue }
        let departments: [Row] = rows.filter { $0.2 != UnitKind.commune.rawValue }
        var alternating: [Row] = []
        for index in 0..<max(communes.count, departments.count) {
            if index < communes.count { alternating.append(communes[index]) }
            if index < departments.count { alternating.append(departments[index]) }
        }
        var units: [BenchUnit] = []
        for (code, name, kind, clerkID, headID) in alternating {
            guard let clerkID, let headID, let kind = UnitKind(rawValue: kind) else { continue }
            let commune = kind == .commune
            let movement = commune ? movements[0] : movements[1]
            let nomineeKind: NomineeKind = commune ? .collective : .household
            let (clerk, head) = try await database.asSuperuser { connection in
                (try await sessions.actor(openingSessionFor: clerkID, on: connection),
                 try await sessions.actor(openingSessionFor: headID, on: connection))
            }
            let samples = NominationSamples(unitName: name, movement: movement, nomineeKind: nomineeKind)
            units.append(BenchUnit(
                code: code, name: name, kind: kind, clerk: clerk, head: head, movement: movement,
                nomineeKind: nomineeKind,
                submittedState: head.leadMovements.contains(movement.id) ? .endorsed : .submitted,
                drafts: (0..<draftsPerUnit).map { _ in samples.draft(roundID: roundID) }))
        }
        return units
    }
}
