import Foundation

/// A nomination waiting longer for its next step than `processing_limits` allows.
public struct OverdueItem: Sendable, Hashable, Codable {
    public var nominationID: UUID
    public var nomineeName: String
    public var unitID: UUID
    public var unitName: String
    public var state: NominationState
    /// The next step and who takes it.
    public var step: String
    /// When it entered its state.
    public var waitingSince: Date
    public var workingDaysWaited: Int
    public var limit: Int
}
