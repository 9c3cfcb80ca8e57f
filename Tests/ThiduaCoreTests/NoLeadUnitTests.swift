import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// Nominations no lead unit can endorse (issue 14, item 2): in a movement without a lead unit (the plan's
/// 2.2.10–2.2.12), and an armed force's outside its own movement. They go straight to the secretariat, which
/// verifies them; before, they could only be withdrawn.
@Suite("NoLeadUnitTests")
struct NoLeadUnitTests {
    @Test("in a movement without a lead unit a submission waits for the secretariat, which verifies it; in SQL too")
    func movementWithoutLeadUnit() async throws {
        let world = try await RecordsWorld.make()
        try await world.asInstaller { connection in
            _ = try await connection.query("DELETE FROM thidua.movement_lead_units WHERE movement_id = \(world.movement) AND part = 'lead'")
        }
        let clerk = try await world.actor(.clerkA)
        var nomination = try await world.nominations.create(world.draft(), by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.headA))
        #expect(nomination.state == .endorsed)
        let secretary = try await world.actor(.secretary)
        #expect(Policy.isWaiting(nomination, in: .secretariat, for: secretary))
        #expect(Policy.availableEvents(for: secretary, on: nomination).contains(.verify))
        nomination = try await world.nominations.perform(.verify, on: nomination.id, version: nomination.version, by: secretary)
        #expect(nomination.state == .verified)

        // The guard agrees: submitting such a nomination as `submitted` in SQL is refused.
        let other = try await world.nominations.create(world.draft(name: "Giàng Thị Súa"), by: clerk)
        await #expect(throws: ThiduaError.self) {
            try await world.store.write(try await world.actor(.headA), Capacity(role: .unitHead), action: "nomination.submit") { connection in
                _ = try await connection.query("""
                    UPDATE thidua.nominations SET state = 'submitted', version = version + 1, submitted_by = thidua.actor_id(), submitted_at = now()
                    WHERE id = \(other.id)
                    """)
            }
        }
    }

    @Test("an armed force's nomination in another unit's movement goes to the secretariat, never to that lead unit")
    func armedForceOutsideItsMovement() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.forceClerk)
        var nomination = try await world.nominations.create(world.draft(name: "Đỗ Văn Hải"), by: clerk)
        try await world.completeDossier(of: nomination.id, by: clerk)
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: nomination.version, by: try await world.actor(.forceHead))
        #expect(nomination.state == .endorsed)
        await #expect(throws: ThiduaError.self) { try await world.nominations.get(nomination.id, as: try await world.actor(.leadHead)) }
        nomination = try await world.nominations.perform(.verify, on: nomination.id, version: nomination.version, by: try await world.actor(.secretary))
        #expect(nomination.state == .verified)
    }
}
