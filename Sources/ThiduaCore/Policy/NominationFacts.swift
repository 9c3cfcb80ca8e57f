import Foundation

/// What the policy needs to know about a nomination: whose it is, which movement, where it stands.
public struct NominationFacts: Sendable, Hashable {
    public var unitID: UUID
    public var movementID: UUID
    public var state: NominationState
    /// An armed force's nomination: personnel data, seen only by the force and the overseers.
    public var restricted: Bool
    public var submittedBy: UUID?

    public init(unitID: UUID, movementID: UUID, state: NominationState, restricted: Bool, submittedBy: UUID? = nil) {
        self.unitID = unitID
        self.movementID = movementID
        self.state = state
        self.restricted = restricted
        self.submittedBy = submittedBy
    }
}
