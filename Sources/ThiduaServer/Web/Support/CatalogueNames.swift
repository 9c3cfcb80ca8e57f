import Foundation
import ThiduaCore

/// The names pages show instead of ids: units, movements and rounds of the area, loaded together.
struct CatalogueNames: Sendable {
    var units: [UUID: ThiduaCore.Unit]
    var movements: [UUID: Movement]
    var rounds: [UUID: Round]
    /// In the order people look for them: movements by code, newest rounds first.
    var movementList: [Movement]
    var roundList: [Round]

    static func load(_ store: RecordStore, as actor: Actor) async throws -> CatalogueNames {
        // One after another: three short reads, without taking three of the pool's few connections at once.
        let unitList = try await UnitRepository(store: store).list(as: actor)
        let movementList = try await MovementRepository(store: store).list(as: actor)
        let roundList = try await RoundRepository(store: store).list(as: actor)
        return CatalogueNames(
            units: Dictionary(unitList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            movements: Dictionary(movementList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            rounds: Dictionary(roundList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            movementList: movementList, roundList: roundList.sorted { $0.opensAt > $1.opensAt })
    }

    func unitName(_ id: UUID) -> String { units[id]?.name ?? "Đơn vị không còn trong danh mục" }
    func movementName(_ id: UUID) -> String { movements[id]?.name ?? "Phong trào không còn trong danh mục" }
    func roundName(_ id: UUID) -> String { rounds[id]?.name ?? "Đợt không còn trong danh mục" }
}

/// One choice of a `<select>`.
struct Option: Sendable {
    var value: String
    var label: String
    var selected: Bool
}
