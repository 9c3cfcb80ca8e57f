import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// The compliance table (issue 4 §6) on the Tủa Chùa demo data: every column of every unit's and every
/// movement's line recomputed from the raw tables with the test's own SQL — explicit state lists, not the
/// schema's `holds_quota_slot` and `has_passed`.
@Suite("ComplianceReportTests")
struct ComplianceReportTests {
    typealias Demo = DemoNominationsTests.LoadedDemo

    /// One line's figures in a fixed order: submitted, endorsed, verified, approved, commended, late, shortfall.
    static func figures(_ counts: ComplianceCounts, shortfall: Int) -> [Int] {
        [counts.submitted, counts.endorsed, counts.verified, counts.approved, counts.commended, counts.late, shortfall]
    }

    /// The counting columns over nominations `n` of round `r`, spelt out state by state.
    static let counted = """
        count(n.id) FILTER (WHERE n.state IN ('submitted', 'endorsed', 'returned', 'verified', 'in_review', 'approved', 'decided')),
        count(n.id) FILTER (WHERE n.state IN ('endorsed', 'verified', 'in_review', 'approved', 'rejected', 'decided')),
        count(n.id) FILTER (WHERE n.state IN ('verified', 'in_review', 'approved', 'rejected', 'decided')),
        count(n.id) FILTER (WHERE n.state IN ('approved', 'decided')),
        count(n.id) FILTER (WHERE n.state = 'decided'),
        count(n.id) FILTER (WHERE n.state NOT IN ('draft', 'withdrawn', 'rejected') AND n.submitted_at > r.due_at)
        """

    /// The demo, its district round, and the round's compliance table as `username` reads it.
    func loaded(as username: String = "noivu.thuky") async throws -> (Demo, UUID, Compliance) {
        let demo = try await DemoNominationsTests.demo.value
        let round = try await demo.superuser("SELECT id FROM thidua.rounds WHERE code = '2021-huyen'").single()!.decode(UUID.self, at: 0)
        let table = try await RoundRepository(store: RecordStore(pool: demo.pool)).compliance(round: round, as: try await demo.actor(username))
        return (demo, round, table)
    }

    @Test("each unit's line — maximum, minimum, every milestone, late and shortfall — equals the raw tables'")
    func unitsMatchTheTables() async throws {
        let (demo, round, table) = try await loaded()
        let expected = try await demo.superuser(PostgresQuery(unsafeSQL: """
            SELECT u.id, l.minimum, l.maximum, \(Self.counted)
            FROM thidua.rounds r
            JOIN thidua.round_unit_limits l ON l.round_id = r.id
            JOIN thidua.units u ON u.kind = l.unit_kind AND u.area_id = r.area_id
            LEFT JOIN thidua.nominations n ON n.unit_id = u.id AND n.round_id = r.id
            WHERE r.id = '\(round.uuidString.lowercased())'
              AND u.valid_from <= r.due_at::date AND coalesce(u.valid_to > r.opens_at::date, true)
            GROUP BY u.id, l.minimum, l.maximum
            """)).reduce(into: [UUID: [Int]]()) { table, row in
                let minimum = try row.decode(Int.self, at: 1)
                let counts = try (3...8).map { try row.decode(Int.self, at: $0) }
                table[try row.decode(UUID.self, at: 0)] = [minimum, try row.decode(Int.self, at: 2)] + counts + [max(0, minimum - counts[0])]
            }
        let shown = Dictionary(uniqueKeysWithValues: table.units.map { line in
            (line.unitID, [line.minimum, line.maximum] + Self.figures(line.counts, shortfall: line.shortfall))
        })
        #expect(shown == expected)
        // The demo data must exercise the columns, or equality proves little.
        #expect(table.units.contains { $0.counts.submitted > 0 && $0.counts.verified > 0 })
        #expect(table.units.contains { $0.counts.late > 0 })
        #expect(table.units.contains { $0.counts.approved > 0 && $0.counts.commended > 0 })
        #expect(table.units.contains { $0.shortfall > 0 })
        #expect(table.units.map(\.counts.submitted).reduce(0, +) <= demo.summary.nominations)
    }

    @Test("each movement's line — its minimum by kind of nominee and every milestone — equals the raw tables'")
    func movementsMatchTheTables() async throws {
        let (demo, round, table) = try await loaded()
        let expected = try await demo.superuser(PostgresQuery(unsafeSQL: """
            SELECT m.code || '/' || mm.nominee_kind || coalesce('/' || lu.code, ''), mm.minimum, \(Self.counted)
            FROM thidua.round_movement_minimums mm
            JOIN thidua.rounds r ON r.id = mm.round_id
            JOIN thidua.movements m ON m.id = mm.movement_id
            LEFT JOIN thidua.movement_lead_units l ON mm.per_lead_unit AND l.movement_id = m.id AND l.part = 'lead'
            LEFT JOIN thidua.units lu ON lu.id = l.unit_id
            LEFT JOIN thidua.nominations n ON n.movement_id = m.id AND n.round_id = r.id
                 AND (n.nominee_kind = mm.nominee_kind OR mm.nominee_kind = 'any')
                 AND (lu.id IS NULL OR n.unit_id = lu.id)
            WHERE r.id = '\(round.uuidString.lowercased())'
            GROUP BY m.code, mm.nominee_kind, mm.minimum, lu.code
            """)).reduce(into: [String: [Int]]()) { table, row in
                let required = try row.decode(Int.self, at: 1)
                let counts = try (2...7).map { try row.decode(Int.self, at: $0) }
                table[try row.decode(String.self, at: 0)] = [required] + counts + [max(0, required - counts[0])]
            }
        let codes = try await demo.superuser("SELECT id, code FROM thidua.movements UNION ALL SELECT id, code FROM thidua.units")
            .reduce(into: [UUID: String]()) { codes, row in codes[try row.decode(UUID.self, at: 0)] = try row.decode(String.self, at: 1) }
        let shown = Dictionary(uniqueKeysWithValues: table.movements.map { line in
            ("\(codes[line.movementID] ?? "?")/\(line.nomineeKind?.rawValue ?? "any")" + (line.leadUnitID.map { "/" + (codes[$0] ?? "?") } ?? ""),
             [line.required] + Self.figures(line.counts, shortfall: line.shortfall))
        })
        #expect(!expected.isEmpty)
        #expect(shown == expected)
        #expect(table.movements.contains { $0.counts.submitted > 0 && $0.counts.commended > 0 })
    }

    @Test("a commune's head sees only their own commune's nominations counted")
    func aCommuneCountsItsOwn() async throws {
        let (demo, _, table) = try await loaded()
        let busiest = try #require(table.units.filter { $0.unitKind == .commune }.max { $0.counts.submitted < $1.counts.submitted })
        let head = try await demo.superuser("""
            SELECT u.username FROM thidua.users u JOIN thidua.role_grants g ON g.user_id = u.id
            WHERE u.unit_id = \(busiest.unitID) AND g.role = 'unit_head' AND g.revoked_at IS NULL LIMIT 1
            """).single()!.decode(String.self, at: 0)
        let (_, _, seen) = try await loaded(as: head)
        #expect(seen.units.first { $0.unitID == busiest.unitID }?.counts == busiest.counts)
        #expect(seen.units.filter { $0.unitID != busiest.unitID }.allSatisfy { $0.counts.submitted == 0 })
    }
}
