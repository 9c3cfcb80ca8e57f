import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// A unit's nominations from a filled-in template (issue 16 item 2): all rows or none, every problem with its row
/// and column, each imported nomination audited like one typed in.
@Suite("NominationImportTests")
struct NominationImportTests {
    static func row(_ line: Int, _ name: String, kind: String = "Cá nhân", round: String = "thu-2021", movement: String = "nong-thon-moi") -> NominationImport.Row {
        NominationImport.Row(line: line, round: round, movement: movement, kind: kind, name: name, title: "Cá nhân điển hình",
                             achievements: "Vận động hiến đất làm đường")
    }

    func counts(_ world: RecordsWorld) async throws -> (nominations: Int, events: Int) {
        try await world.superuser {
            try await $0.query("SELECT (SELECT count(*) FROM thidua.nominations), (SELECT count(*) FROM thidua.audit_events)").single()!.decode((Int, Int).self)
        }
    }

    @Test("good rows are drafts of the clerk's unit, each audited as a nomination typed in; kinds read with or without diacritics")
    func importsEveryRow() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let made = try await world.nominations.importDrafts(
            [Self.row(2, "Lò Thị Mai"), Self.row(3, "Bản Páo Tỉnh", kind: "tap the"), Self.row(4, "Hộ ông Sùng A Páo", kind: "HỘ GIA ĐÌNH")], by: clerk)
        #expect(made.map(\.nomineeName) == ["Lò Thị Mai", "Bản Páo Tỉnh", "Hộ ông Sùng A Páo"])
        #expect(made.allSatisfy { $0.state == .draft && $0.unitID == world.communeA })
        let actions = try await world.superuser {
            try await $0.query("""
                SELECT action, count(*)::integer FROM thidua.audit_events WHERE actor_id = \(clerk.userID) GROUP BY action ORDER BY action
                """).map { try $0.decode((String, Int).self) }
        }
        #expect(actions.map(\.0) == ["nomination.create", "nominee.register"] && actions.allSatisfy { $0.1 == 3 }, "\(actions)")
    }

    @Test("one wrong row imports nothing, and every problem is listed with its line and column")
    func oneWrongRowImportsNothing() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let before = try await counts(world)
        await #expect {
            try await world.nominations.importDrafts([
                Self.row(2, "Lò Thị Mai"), Self.row(3, "Vàng A Dếnh", movement: "khong-co"), Self.row(4, "Giàng A Của", kind: "Đội"),
                Self.row(5, " "), Self.row(6, "Lý Văn Sáng", round: "2030"),
            ], by: clerk)
        } throws: { error in
            guard case ThiduaError.importRefused(let problems) = error else { return false }
            let seen = problems.map { "\($0.line) \($0.column)" }
            return seen == ["3 Mã phong trào", "4 Loại đối tượng", "5 Tên tập thể, cá nhân, hộ gia đình", "6 Mã đợt"]
                && problems.allSatisfy { !$0.vietnamese.isEmpty && !$0.english.isEmpty }
        }
        #expect(try await counts(world) == before)
    }

    @Test("a row the database refuses (its round closed) is listed too, and nothing is imported")
    func theDatabasesRefusalIsARowProblem() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        try await world.asInstaller { _ = try await $0.query("UPDATE thidua.rounds SET state = 'closed' WHERE id = \(world.round)") }
        let before = try await counts(world)
        await #expect {
            try await world.nominations.importDrafts([Self.row(2, "Lò Thị Mai"), Self.row(3, "Thào Thị Dợ")], by: clerk)
        } throws: { error in
            guard case ThiduaError.importRefused(let problems) = error else { return false }
            return problems.map(\.line) == [2, 3] && problems.allSatisfy { $0.column == "Mã đợt" }
        }
        #expect(try await counts(world) == before)
    }

    @Test("only who may make a nomination imports: the secretariat and an auditor are refused")
    func onlyUnitsImport() async throws {
        let world = try await RecordsWorld.make()
        for person in [RecordsWorld.Person.secretary, .auditor] {
            let actor = try await world.actor(person)
            await #expect(throws: ThiduaError.self) { try await world.nominations.importDrafts([Self.row(2, "Lò Thị Mai")], by: actor) }
        }
    }
}
