import Foundation
import ThiduaCore

/// `GET /api/v1/rounds/{id}/compliance`: per unit and per movement, required against submitted, endorsed,
/// verified, approved, commended and late, with the shortfall; a movement whose minimum each lead unit owes
/// (the armed forces) has one line per lead unit, with the excess over its maximum.
struct ComplianceResponse: Encodable, Sendable {
    struct UnitRow: Encodable, Sendable {
        var unitID: UUID
        var unitName: String
        var unitKind: UnitKind
        var minimum: Int
        var maximum: Int
        var counts: ComplianceCounts
        var shortfall: Int
    }

    struct MovementRow: Encodable, Sendable {
        var movementID: UUID
        var movementName: String
        var nomineeKind: NomineeKind?
        var leadUnitID: UUID?
        var leadUnitName: String?
        var required: Int
        var maximum: Int?
        var counts: ComplianceCounts
        var shortfall: Int
        var excess: Int
    }

    var units: [UnitRow]
    var movements: [MovementRow]

    init(_ compliance: Compliance) {
        units = compliance.units.map {
            UnitRow(unitID: $0.unitID, unitName: $0.unitName, unitKind: $0.unitKind, minimum: $0.minimum, maximum: $0.maximum,
                    counts: $0.counts, shortfall: $0.shortfall)
        }
        movements = compliance.movements.map {
            MovementRow(movementID: $0.movementID, movementName: $0.movementName, nomineeKind: $0.nomineeKind,
                        leadUnitID: $0.leadUnitID, leadUnitName: $0.leadUnitName, required: $0.required, maximum: $0.maximum,
                        counts: $0.counts, shortfall: $0.shortfall, excess: $0.excess)
        }
    }
}
