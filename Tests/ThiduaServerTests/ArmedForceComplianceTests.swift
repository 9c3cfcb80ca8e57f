import Foundation
import HTTPTypes
import Testing
import ThiduaCore
import ThiduaTesting

/// Each armed force's own 1 to 3 models (issue 14, item 3; PLAN.md §3 row 10) as the compliance JSON and the
/// round's page show them: one line per force, with the force's name, its 1–3 and its own count.
@Suite("ArmedForceComplianceTests")
struct ArmedForceComplianceTests {
    @Test("the compliance JSON and the round's page give each force its own line; a force's home page shows its own figure only")
    func perForceLines() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let army = try await world.addSecondForce()
            _ = try await world.submitForceModels(2)
            let secretary = try await api.signIn(.secretary)

            let reply = try await api.send(.get, "/api/v1/rounds/\(world.round.lower)/compliance", token: secretary)
            #expect(reply.status == .ok)
            let movements = try #require(try reply.object()["movements"] as? [[String: Any]])
            func id(_ line: [String: Any], _ key: String) -> String? { (line[key] as? String)?.lowercased() }
            let forces = movements.filter { id($0, "movementID") == world.forceMovement.lower }
            let byForce = Dictionary(uniqueKeysWithValues: forces.map { (id($0, "leadUnitID") ?? "", $0) })
            #expect(Set(byForce.keys) == [world.force.lower, army.lower])
            let police = try #require(byForce[world.force.lower]), soldiers = try #require(byForce[army.lower])
            #expect(police["leadUnitName"] as? String == "Công an huyện" && soldiers["leadUnitName"] as? String == "Ban Chỉ huy Quân sự huyện")
            #expect(police["required"] as? Int == 1 && police["maximum"] as? Int == 3)
            #expect((police["counts"] as? [String: Any])?["submitted"] as? Int == 2 && police["shortfall"] as? Int == 0 && police["excess"] as? Int == 0)
            #expect((soldiers["counts"] as? [String: Any])?["submitted"] as? Int == 0 && soldiers["shortfall"] as? Int == 1)
            // A movement minimum of the movement as a whole has no lead unit and no maximum.
            #expect(movements.filter { id($0, "movementID") == world.movement.lower }.allSatisfy { $0["leadUnitID"] == nil && $0["maximum"] == nil })

            let page = try await PageClient(api: api, session: secretary).get("/dot/\(world.round.lower)").text
            #expect(page.contains("Đơn vị chủ trì: Công an huyện") && page.contains("Đơn vị chủ trì: Ban Chỉ huy Quân sự huyện"))
            #expect(page.contains(">1–3<"), "each force's 1 to 3")

            let forceHome = try await PageClient(api: api, session: try await api.signIn(.forceHead)).get("/").text
            #expect(forceHome.contains("Vì an ninh Tổ quốc — Công an huyện") && !forceHome.contains("Ban Chỉ huy Quân sự huyện"), "\(forceHome)")
        }
    }
}
