import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// A review summary checked against the raw tables by the test's own means: rows fetched whole (comma joins,
/// explicit state lists, no helper functions of the schema) and filtered, grouped and counted in Swift, so a
/// mistake in the repository's SQL has no twin here.
enum ReviewSummaryExpectation {
    static let holdingSlot: Set<String> = ["submitted", "endorsed", "verified", "returned", "in_review", "approved", "decided"]
    static let pastVerified: Set<String> = ["verified", "in_review", "approved", "rejected", "decided"]
    static let pastApproved: Set<String> = ["approved", "decided"]

    static func check(_ summary: ReviewSummary, database: TestDatabase, area: String) async throws {
        let connection = try await database.connect()
        defer { connection.close() }
        func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
            try await connection.query(query).map { $0 }
        }
        let kind = summary.kind == .midTerm ? "mid_term_review" : "final_review"
        let review = try await rows("""
            SELECT code, year, period FROM thidua.emulation_reviews WHERE area_id = \(area) AND kind = \(kind) AND period IS NOT NULL
            """).map { (try $0.decode(String.self, at: 0), try $0.decode(Int.self, at: 1), try $0.decode(String.self, at: 2)) }
            .max { $0.1 < $1.1 }
        let (code, to, period) = try #require(review)
        let from = Int(period.prefix(4))!
        #expect(summary.review.code == code && summary.period == period && summary.fromYear == from && summary.toYear == to)
        let years = from...to
        func inPeriod(_ day: String) -> Bool { years.contains(Int(day.prefix(4))!) }

        var movementYears: [String: [Int]] = [:]
        for row in try await rows("""
            SELECT m.code, r.year, n.state FROM thidua.nominations n, thidua.rounds r, thidua.movements m
            WHERE r.id = n.round_id AND m.id = n.movement_id AND n.area_id = \(area)
            """) {
            let (movement, year, state) = try row.decode((String, Int, String).self)
            guard years.contains(year) else { continue }
            var counts = movementYears["\(movement)/\(year)", default: [0, 0, 0, 0]]
            for (index, states) in [holdingSlot, pastVerified, pastApproved, ["decided"]].enumerated() where states.contains(state) {
                counts[index] += 1
            }
            movementYears["\(movement)/\(year)"] = counts
        }
        #expect(Dictionary(uniqueKeysWithValues: summary.byMovementAndYear.map {
            ("\($0.movementCode)/\($0.year)", [$0.submitted, $0.verified, $0.approved, $0.commended])
        }) == movementYears)

        var awards: [String: (Int, Int64)] = [:]
        for row in try await rows("""
            SELECT c.year, m.code, c.form_code, c.amount, c.revoked_at IS NULL
            FROM thidua.commendation_records c, thidua.decision_items i, thidua.movements m
            WHERE i.id = c.decision_item_id AND m.id = i.movement_id AND c.area_id = \(area)
            """) {
            let (year, movement, form, amount, standing) = try row.decode((Int, String, String, Int64?, Bool).self)
            guard standing, years.contains(year) else { continue }
            let sum = awards["\(year)/\(movement)/\(form)", default: (0, 0)]
            awards["\(year)/\(movement)/\(form)"] = (sum.0 + 1, sum.1 + (amount ?? 0))
        }
        #expect(summary.awards.count == awards.count)
        for line in summary.awards {
            let expected = awards["\(line.year)/\(line.movementCode)/\(line.form)"]
            #expect(expected?.0 == line.count && expected?.1 == line.amount, "\(line)")
        }

        let designated = try await rows("SELECT designated_on::text FROM thidua.exemplars WHERE area_id = \(area)")
            .filter { Int(try $0.decode(String.self, at: 0).prefix(4))! <= to }
        let evaluations = try await rows("SELECT evaluated_on::text FROM thidua.exemplar_evaluations WHERE area_id = \(area)")
            .filter { inPeriod(try $0.decode(String.self, at: 0)) }
        var propagations: [PropagationKind: Int] = [:]
        for row in try await rows("SELECT kind, held_on::text FROM thidua.exemplar_propagations WHERE area_id = \(area)") {
            let (kind, day) = try row.decode((String, String).self)
            if inPeriod(day) { propagations[PropagationKind(rawValue: kind)!, default: 0] += 1 }
        }
        var adopters: [UUID: Int] = [:]
        for row in try await rows("SELECT adopting_unit_id, adopted_on::text FROM thidua.exemplar_replications WHERE area_id = \(area)") {
            let (unit, day) = try row.decode((UUID, String).self)
            if inPeriod(day) { adopters[unit, default: 0] += 1 }
        }
        #expect(summary.followUp.exemplars == designated.count && summary.followUp.evaluations == evaluations.count)
        #expect(summary.followUp.propagations.map(\.kind) == PropagationKind.allCases)
        #expect(Dictionary(uniqueKeysWithValues: summary.followUp.propagations.map { ($0.kind, $0.count) })
                == Dictionary(uniqueKeysWithValues: PropagationKind.allCases.map { ($0, propagations[$0] ?? 0) }))
        #expect(Dictionary(uniqueKeysWithValues: summary.followUp.adoptingUnits.map { ($0.unitID, $0.replications) }) == adopters)
        #expect(summary.followUp.replications == adopters.values.reduce(0, +))

        let reviews = try await rows("SELECT code, year FROM thidua.emulation_reviews WHERE area_id = \(area)")
            .map { try $0.decode((String, Int).self) }.filter { years.contains($0.1) }.map(\.0)
        var selected: [String: [String]] = [:]
        for row in try await rows("""
            SELECT r.code, e.nominee_name, c.revoked_at IS NULL
            FROM thidua.review_selections s, thidua.emulation_reviews r, thidua.exemplars e, thidua.commendation_records c
            WHERE r.id = s.review_id AND e.id = s.exemplar_id AND c.id = e.commendation_record_id AND r.area_id = \(area)
            """) {
            let (review, name, standing) = try row.decode((String, String, Bool).self)
            if standing { selected[review, default: []].append(name) }
        }
        #expect(Set(summary.selections.map(\.review.code)) == Set(reviews) && summary.selections.count == reviews.count)
        for line in summary.selections {
            #expect(line.nominees.sorted() == (selected[line.review.code] ?? []).sorted() && line.selected == line.nominees.count)
        }

        var takingPart = 0, received = 0
        for row in try await rows("""
            SELECT u.kind, u.valid_to::text, (SELECT count(*) FROM thidua.unit_plans p WHERE p.unit_id = u.id AND p.period = \(period))::int
            FROM thidua.units u WHERE u.area_id = \(area)
            """) {
            let (kind, validTo, plans) = try row.decode((String, String?, Int).self)
            guard ["commune", "department", "armed_force", "enterprise"].contains(kind), validTo.map({ $0 > "\(from)-01-01" }) ?? true else { continue }
            takingPart += 1
            received += plans
        }
        #expect(summary.unitPlans.takingPart == takingPart && summary.unitPlans.received == received)

        var shortfalls: [String: Int] = [:]
        for row in try await rows("""
            SELECT r.code, r.year, m.code, mm.nominee_kind, mm.minimum, lu.name,
                   (SELECT count(*) FROM thidua.nominations n
                    WHERE n.round_id = mm.round_id AND n.movement_id = mm.movement_id
                      AND (mm.nominee_kind = 'any' OR n.nominee_kind = mm.nominee_kind)
                      AND (lu.id IS NULL OR n.unit_id = lu.id)
                      AND n.state IN ('submitted', 'endorsed', 'verified', 'returned', 'in_review', 'approved', 'decided'))::int
            FROM thidua.round_movement_minimums mm
            JOIN thidua.rounds r ON r.id = mm.round_id
            JOIN thidua.movements m ON m.id = mm.movement_id
            LEFT JOIN thidua.movement_lead_units l ON mm.per_lead_unit AND l.movement_id = m.id AND l.part = 'lead'
            LEFT JOIN thidua.units lu ON lu.id = l.unit_id
            WHERE r.area_id = \(area)
            """) {
            let (round, year, movement, kind, minimum, lead, submitted) = try row.decode((String, Int, String, String, Int, String?, Int).self)
            if years.contains(year) && submitted < minimum { shortfalls["\(round)/\(movement)/\(kind)/\(lead ?? "")"] = minimum - submitted }
        }
        #expect(Dictionary(uniqueKeysWithValues: summary.shortfalls.map {
            ("\($0.roundCode)/\($0.movementCode)/\($0.nomineeKind?.rawValue ?? "any")/\($0.leadUnitName ?? "")", $0.shortfall)
        }) == shortfalls)
        #expect(summary.shortfalls.allSatisfy { $0.shortfall == $0.required - $0.submitted && $0.shortfall > 0 })
    }
}
