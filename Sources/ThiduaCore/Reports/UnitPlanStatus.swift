import Foundation

/// A unit taking part, and its own plan for the period if the secretariat has received it.
public struct UnitPlanStatus: Sendable, Hashable, Codable {
    public var unitID: UUID
    public var unitName: String
    public var unitKind: UnitKind
    /// "15/KH-UBND"; `nil` while the unit has sent none.
    public var number: String?
    public var issuedOn: String?
    public var receivedOn: String?

    public var received: Bool { number != nil }
}
