import Foundation

/// A round's compliance table (PLAN.md §4): each unit against its maximum and minimum, each movement
/// against its lead unit's minimum. Counts are of what the reader may see.
public struct Compliance: Sendable, Hashable {
    public var units: [UnitCompliance]
    public var movements: [MovementCompliance]
}

/// Counts per milestone: a nomination counts as submitted while it holds a quota slot, as endorsed from the
/// lead unit's endorsement on, as verified from the secretariat's verification on, as approved once the council
/// approved it, as commended once a signed decision commends it; late when it was submitted after the due date.
public struct ComplianceCounts: Sendable, Hashable, Codable {
    public var submitted: Int
    public var endorsed: Int
    public var verified: Int
    public var approved: Int
    public var commended: Int
    public var late: Int
}

public struct UnitCompliance: Sendable, Hashable {
    public var unitID: UUID
    public var unitName: String
    public var unitKind: UnitKind
    public var minimum: Int
    public var maximum: Int
    public var counts: ComplianceCounts
    public var shortfall: Int { max(0, minimum - counts.submitted) }

    /// Whether the secretariat should chase the unit: it sent something after the due date, or the due date has
    /// passed with the unit still short of its minimum.
    public func isBehind(dueDatePassed: Bool) -> Bool {
        counts.late > 0 || (dueDatePassed && shortfall > 0)
    }
}

public struct MovementCompliance: Sendable, Hashable {
    public var movementID: UUID
    public var movementName: String
    /// `nil` when the minimum counts any kind of nominee.
    public var nomineeKind: NomineeKind?
    /// The lead unit this line is owed by, when the minimum holds for each lead unit over its own nominations
    /// (the armed forces: "mỗi lực lượng", PLAN.md §3 row 10); `nil` when it is the movement's as a whole.
    public var leadUnitID: UUID?
    /// `nil` when the lead unit is hidden from the reader.
    public var leadUnitName: String?
    public var required: Int
    /// The most the plan asks for ("01 đến 03"), or `nil` when it names only a minimum.
    public var maximum: Int?
    public var counts: ComplianceCounts
    public var shortfall: Int { max(0, required - counts.submitted) }
    /// How many submitted beyond the maximum: reported, not refused (the unit limits refuse at submission).
    public var excess: Int { maximum.map { max(0, counts.submitted - $0) } ?? 0 }
}
