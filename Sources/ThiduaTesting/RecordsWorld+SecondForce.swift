import Foundation
import Postgres
import ThiduaCore

extension RecordsWorld {
    /// Makes the force's movement the plan's armed-forces movement (KH 123 IV.1.2 a, PLAN.md §3 row 10): a second
    /// force, "Ban Chỉ huy Quân sự huyện", leads it beside `force`, and the round asks EACH lead unit for 1 to 3
    /// models of any kind (a per-lead-unit minimum with a maximum, 0028). Added as the installer. Returns the
    /// second force's id; it has no users, so it submits nothing.
    ///
    /// ```swift
    /// let army = try await world.addSecondForce()
    /// let line = try await world.rounds.compliance(round: world.round, as: secretary).movements.first { $0.leadUnitID == army }
    /// ```
    @discardableResult
    public func addSecondForce() async throws -> UUID {
        let army = UUID()
        try await asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.units (id, area_id, code, name, kind) VALUES (\(army), \(areaID), 'ban-chqs', 'Ban Chỉ huy Quân sự huyện', 'armed_force')
                """)
            _ = try await connection.query("INSERT INTO thidua.movement_lead_units VALUES (\(forceMovement), \(army), 'lead')")
            _ = try await connection.query("""
                INSERT INTO thidua.round_movement_minimums (round_id, movement_id, nominee_kind, minimum, maximum, per_lead_unit)
                VALUES (\(round), \(forceMovement), 'any', 1, 3, true)
                """)
        }
        return army
    }

    /// `count` new nominations of `force` in its movement, submitted by its head.
    public func submitForceModels(_ count: Int, named prefix: String = "Chiến sĩ") async throws -> [Nomination] {
        let clerk = try await actor(.forceClerk), head = try await actor(.forceHead)
        var submitted: [Nomination] = []
        for index in 1...count {
            let draft = try await nominations.create(self.draft(name: "\(prefix) \(index)", movement: forceMovement), by: clerk)
            try await completeDossier(of: draft.id, by: clerk)
            submitted.append(try await nominations.perform(.submit, on: draft.id, version: draft.version, by: head))
        }
        return submitted
    }
}
