import Foundation

/// A year of the plan as the secretariat opens it (issue 16, item 4): its rounds with their deadlines and each
/// kind of unit's limits, and the movements' minimums per round. ``RoundRepository/proposeYear(_:as:)`` fills it
/// from the last year opened before; the page edits it; ``RoundRepository/openYear(_:by:)`` writes it at once.
public struct YearPlan: Sendable, Hashable {
    /// A round to open, named by its code until it exists.
    public struct Round: Sendable, Hashable {
        public var code: String
        public var name: String
        public var level: String
        public var opensAt: Date
        public var dueAt: Date
        public var planCitation: String?
        public var requiredDossierKinds: [DossierKind]
        public var councilRuleID: UUID?
        public var limits: [Limit]

        public init(
            code: String, name: String, level: String, opensAt: Date, dueAt: Date, planCitation: String? = nil,
            requiredDossierKinds: [DossierKind] = [.request, .achievementReport, .reviewMinutes], councilRuleID: UUID? = nil,
            limits: [Limit] = []
        ) {
            self.code = code
            self.name = name
            self.level = level
            self.opensAt = opensAt
            self.dueAt = dueAt
            self.planCitation = planCitation
            self.requiredDossierKinds = requiredDossierKinds
            self.councilRuleID = councilRuleID
            self.limits = limits
        }
    }

    /// How many nominations a kind of unit selects in a round: the maximum is refused beyond at submission.
    public struct Limit: Sendable, Hashable {
        public var unitKind: UnitKind
        public var minimum: Int
        public var maximum: Int

        public init(unitKind: UnitKind, minimum: Int, maximum: Int) {
            self.unitKind = unitKind
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// A movement's minimum in a round (``MovementDetails/Minimum`` once written): `nomineeKind` is a
    /// ``NomineeKind`` raw value or `any`.
    public struct Minimum: Sendable, Hashable {
        public var roundCode: String
        public var movementID: UUID
        public var nomineeKind: String
        public var minimum: Int
        public var maximum: Int?
        public var perLeadUnit: Bool

        public init(roundCode: String, movementID: UUID, nomineeKind: String, minimum: Int, maximum: Int? = nil, perLeadUnit: Bool = false) {
            self.roundCode = roundCode
            self.movementID = movementID
            self.nomineeKind = nomineeKind
            self.minimum = minimum
            self.maximum = maximum
            self.perLeadUnit = perLeadUnit
        }
    }

    public var year: Int
    /// The year the proposal was copied from, recorded with the opening; `nil` when nothing was.
    public var copiedFrom: Int?
    public var rounds: [Round]
    public var minimums: [Minimum]

    public init(year: Int, copiedFrom: Int? = nil, rounds: [Round], minimums: [Minimum] = []) {
        self.year = year
        self.copiedFrom = copiedFrom
        self.rounds = rounds
        self.minimums = minimums
    }
}
