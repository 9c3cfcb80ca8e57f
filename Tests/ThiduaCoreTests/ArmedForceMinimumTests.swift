import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Each armed force's own 1 to 3 models (issue 14, item 3): "mỗi lực lượng giới thiệu tối thiểu 01 đến 03 mô hình"
/// (KH 123 IV.1.2 a, PLAN.md §3 row 10). The compliance table has one line per force, each counting only that
/// force's own nominations in the movement; a fourth model of one force is refused by the armed-force unit limit
/// (1–3) and, where that limit is higher, reported as over the movement's maximum.
@Suite("ArmedForceMinimumTests")
struct ArmedForceMinimumTests {
    /// The force movement's lines of the round's compliance table, by lead unit.
    func forceLines(_ world: RecordsWorld) async throws -> [UUID: MovementCompliance] {
        let table = try await world.rounds.compliance(round: world.round, as: try await world.actor(.secretary))
        let lines = table.movements.filter { $0.movementID == world.forceMovement }
        #expect(lines.allSatisfy { $0.leadUnitID != nil && $0.required == 1 && $0.maximum == 3 && $0.nomineeKind == nil })
        return Dictionary(uniqueKeysWithValues: lines.map { ($0.leadUnitID!, $0) })
    }

    @Test("each force is counted apart: two models of Công an huyện meet its minimum and leave Ban Chỉ huy Quân sự huyện short")
    func eachForceCountedApart() async throws {
        let world = try await RecordsWorld.make()
        let army = try await world.addSecondForce()
        var lines = try await forceLines(world)
        #expect(Set(lines.keys) == [world.force, army])
        #expect(lines.values.allSatisfy { $0.counts.submitted == 0 && $0.shortfall == 1 }, "a force with no model is short")

        _ = try await world.submitForceModels(2)
        lines = try await forceLines(world)
        #expect(lines[world.force]?.counts.submitted == 2 && lines[world.force]?.shortfall == 0 && lines[world.force]?.excess == 0)
        #expect(lines[world.force]?.leadUnitName == "Công an huyện")
        #expect(lines[army]?.counts.submitted == 0 && lines[army]?.shortfall == 1, "the other force's models do not count for it")
        #expect(lines[army]?.leadUnitName == "Ban Chỉ huy Quân sự huyện")

        // The mid-term review's shortfalls name the force that is short, not the movement as a whole.
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period)
                VALUES (\(world.areaID), 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ', 2023, '2023-06-11', 'Kế hoạch thử', '2021-2025')
                """)
        }
        let summary = try await ReportRepository(store: world.store).reviewSummary(kind: .midTerm, as: try await world.actor(.secretary))
        let short = summary.shortfalls.filter { $0.movementCode == "vi-an-ninh-to-quoc" }
        #expect(short.map(\.leadUnitName) == ["Ban Chỉ huy Quân sự huyện"] && short.first?.shortfall == 1, "\(short)")
    }

    @Test("a fourth model of one force is refused by the armed-force limit of 3; under a higher limit it is reported over the maximum")
    func fourthModelOverTheMaximum() async throws {
        let world = try await RecordsWorld.make()
        _ = try await world.addSecondForce()
        _ = try await world.submitForceModels(3)
        let clerk = try await world.actor(.forceClerk), head = try await world.actor(.forceHead)
        let fourth = try await world.nominations.create(world.draft(name: "Chiến sĩ 4", movement: world.forceMovement), by: clerk)
        try await world.completeDossier(of: fourth.id, by: clerk)
        await #expect(throws: ThiduaError.quotaExceeded(maximum: 3)) {
            try await world.nominations.perform(.submit, on: fourth.id, version: fourth.version, by: head)
        }
        #expect(try await forceLines(world)[world.force]?.excess == 0)

        // A district whose unit limit for its forces is wider: the plan's "đến 03" is then a figure to report.
        try await world.asInstaller { connection in
            _ = try await connection.query("UPDATE thidua.round_unit_limits SET maximum = 5 WHERE round_id = \(world.round) AND unit_kind = 'armed_force'")
        }
        _ = try await world.nominations.perform(.submit, on: fourth.id, version: fourth.version, by: head)
        let line = try #require(try await forceLines(world)[world.force])
        #expect(line.counts.submitted == 4 && line.excess == 1 && line.shortfall == 0)
    }
}
