import Foundation

/// Which nominations to list. Every condition is optional; results come in Vietnamese order of the
/// nominee's name, then newest first.
public struct NominationFilter: Sendable, Hashable {
    public var roundID: UUID?
    public var movementID: UUID?
    public var unitID: UUID?
    public var states: [NominationState]?
    public var nomineeKinds: [NomineeKind]?
    /// Words of the nominee's name, with or without diacritics: "nguyen van" finds "Nguyễn Văn An".
    public var search: String?
    public var limit: Int
    public var offset: Int

    public init(
        roundID: UUID? = nil, movementID: UUID? = nil, unitID: UUID? = nil, states: [NominationState]? = nil,
        nomineeKinds: [NomineeKind]? = nil, search: String? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.nomineeKinds = nomineeKinds
        self.roundID = roundID
        self.movementID = movementID
        self.unitID = unitID
        self.states = states
        self.search = search
        self.limit = limit
        self.offset = offset
    }
}
