import Foundation
import Postgres

/// Holds on nominees (the secretariat places and lifts them; the chairman and auditors read them). A hold in
/// force on a decision's date refuses the nominee's item, when it is drafted and again when it is signed.
///
/// ```swift
/// let holds = HoldRepository(store: store)
/// let hold = try await holds.place(.discipline, on: nomineeID, from: day("2024-01-10"),
///                                  basis: "Quyết định kỷ luật số 05/QĐ-UBND", by: secretary)
/// _ = try await holds.lift(hold.id, version: hold.version, on: day("2024-06-01"), reason: "Hết thời hạn kỷ luật", by: secretary)
/// ```
public struct HoldRepository: Sendable {
    let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// Places a hold from `start` until the day before `end` (`nil`: until lifted).
    public func place(
        _ kind: HoldKind, on nomineeID: UUID, from start: Date, until end: Date? = nil, basis: String, by actor: Actor
    ) async throws -> Hold {
        let capacity = try Policy.permit(actor, .manageHolds)
        guard let basis = Text.cleaned(basis) else {
            throw ThiduaError.invalid(field: "basis", vietnamese: "Phải nêu căn cứ (quyết định kỷ luật, thông báo thụ lý…).",
                                      english: "A hold needs its basis.")
        }
        return try await store.write(actor, capacity, action: "hold.place") { connection in
            let rows = try await connection.query("""
                INSERT INTO thidua.holds (area_id, nominee_id, unit_id, kind, starts_on, ends_on, basis, placed_by)
                SELECT n.area_id, n.id, n.unit_id, \(kind.rawValue), \(start)::date, \(end)::date, \(basis), \(actor.userID)
                FROM thidua.nominees n WHERE n.id = \(nomineeID)
                RETURNING \(sql: Hold.columns)
                """)
            guard let row = try rows.single() else { throw ThiduaError.notFound("người được đề nghị / nominee") }
            return try Hold(row: row)
        }
    }

    /// Lifts a hold from `day` on, with the reason.
    public func lift(_ id: UUID, version: Int, on day: Date, reason: String, by actor: Actor) async throws -> Hold {
        let capacity = try Policy.permit(actor, .manageHolds)
        guard let reason = Text.cleaned(reason) else { throw ThiduaError.reasonRequired }
        return try await store.write(actor, capacity, action: "hold.lift", reason: reason) { connection in
            let rows = try await connection.query("""
                UPDATE thidua.holds SET lifted_on = \(day)::date, lifted_by = \(actor.userID), lift_reason = \(reason), version = version + 1
                WHERE id = \(id) AND version = \(version) AND lifted_on IS NULL
                RETURNING \(sql: Hold.columns)
                """)
            if let row = try rows.single() { return try Hold(row: row) }
            let now = try await connection.query("SELECT version FROM thidua.holds WHERE id = \(id)")
            guard let current = try now.single() else { throw ThiduaError.notFound("biện pháp tạm dừng khen thưởng / hold") }
            throw ThiduaError.staleVersion(expected: version, current: try current.decode(column: "version"))
        }
    }

    /// The nominee's holds, past and present.
    public func holds(of nomineeID: UUID, as actor: Actor) async throws -> [Hold] {
        try Policy.permit(actor, .viewHolds)
        return try await store.read(actor) { connection in
            try await connection.query("""
                SELECT \(sql: Hold.columns) FROM thidua.holds WHERE nominee_id = \(nomineeID) ORDER BY starts_on, id
                """).map(Hold.init(row:))
        }
    }
}
