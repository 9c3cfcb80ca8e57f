import Foundation
import Testing
import ThiduaCore
import ThiduaTesting

/// `thidua compliance` prints each armed force's own line of the armed-forces movement (issue 14, item 3):
/// the force, its 1–3, its own count and shortfall; `thidua movements show` says the minimum is each lead unit's.
@Suite("ArmedForceComplianceCommandTests")
struct ArmedForceComplianceCommandTests {
    typealias Shell = ClientCommandTests.Shell

    @Test("thidua compliance prints one line per force, with its 1–3, its count and its shortfall")
    func perForceLines() async throws {
        let world = try await RecordsWorld.make()
        _ = try await world.addSecondForce()
        _ = try await world.submitForceModels(2)
        try await Shell.serving(world, signedIn: [.secretary]) { shell in
            let compliance = try await shell.thidua(.secretary, ["compliance", world.round.uuidString])
            #expect(compliance.status == 0, "\(compliance.error)")
            let lines = compliance.output.split(separator: "\n").map(String.init)
            let police = lines.first { $0.contains("Vì an ninh Tổ quốc — Công an huyện: 1–3 — 2,") }
            let soldiers = lines.first { $0.contains("Vì an ninh Tổ quốc — Ban Chỉ huy Quân sự huyện: 1–3 — 0,") }
            #expect(police?.hasSuffix("— 0") == true, "\(compliance.output)")
            #expect(soldiers?.hasSuffix("— 1") == true, "a force with no model is short: \(compliance.output)")

            let movement = try await shell.thidua(.secretary, ["movements", "show", "vi-an-ninh-to-quoc"])
            #expect(movement.status == 0 && movement.output.contains("thu-2021  any: 1–3, mỗi đơn vị chủ trì / each lead unit"),
                    "\(movement.output) \(movement.error)")
        }
    }
}
