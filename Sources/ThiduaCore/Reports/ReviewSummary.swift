import Foundation

/// What the secretariat brings to the mid-term review (sơ kết, 2023) or the final review (tổng kết, 2025) of a
/// plan's period (PLAN.md §6; issue 4 §6): from the period's first year to the review's, the nominations of
/// each movement and year at each milestone and the awards by form; how exemplars were followed (evaluated,
/// propagated, replicated, and which units adopted them); the exemplars selected for each review and congress
/// of those years; the units that sent their own plan for the period; and the lead units' minimums not reached.
///
/// The review is the area's latest of its kind that names the period it reviews (`emulation_reviews.period`,
/// 0012); everything is counted under the actor's row-level security, revoked commendations left out.
public struct ReviewSummary: Sendable, Hashable, Codable {
    /// Which review, as the API and the CLI name it.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case midTerm = "mid-term"
        case final

        var reviewKind: ReviewKind {
            switch self {
            case .midTerm: .midTermReview
            case .final: .finalReview
            }
        }
    }

    /// One movement's nominations in the rounds of one year.
    public struct MovementYear: Sendable, Hashable, Codable {
        public var movementCode: String
        public var movementName: String
        public var year: Int
        public var submitted: Int
        public var verified: Int
        public var approved: Int
        public var commended: Int
    }

    /// Commendations recorded for one year, of one movement and form, with the money in đồng.
    public struct Awards: Sendable, Hashable, Codable {
        public var year: Int
        public var movementCode: String
        public var movementName: String
        public var form: String
        public var formName: String
        public var count: Int
        public var amount: Int64
    }

    /// Exemplars followed by the end of the period, and their follow-up recorded within it.
    public struct FollowUp: Sendable, Hashable, Codable {
        public struct Propagations: Sendable, Hashable, Codable {
            public var kind: PropagationKind
            public var label: String
            public var count: Int
        }

        public struct AdoptingUnit: Sendable, Hashable, Codable {
            public var unitID: UUID
            public var unitName: String
            public var replications: Int
        }

        public var exemplars: Int
        public var evaluations: Int
        /// Every kind, zeros included.
        public var propagations: [Propagations]
        public var replications: Int
        public var adoptingUnits: [AdoptingUnit]
    }

    /// A review or congress held in the period's years and the exemplars selected for it.
    public struct Selections: Sendable, Hashable, Codable {
        public var review: EmulationReview
        public var selected: Int
        /// The selected exemplars' nominees, in Vietnamese order.
        public var nominees: [String]
    }

    /// Units taking part (as ``ReportRepository/unitPlans(period:as:)`` lists them) and how many sent a plan.
    public struct UnitPlans: Sendable, Hashable, Codable {
        public var takingPart: Int
        public var received: Int
    }

    /// A lead unit's minimum of a round in the period that its movement did not reach, counting nominations
    /// submitted and not withdrawn or rejected, as the compliance table does.
    public struct Shortfall: Sendable, Hashable, Codable {
        public var roundCode: String
        public var year: Int
        public var movementCode: String
        public var movementName: String
        /// `nil` when the minimum counts any kind of nominee.
        public var nomineeKind: NomineeKind?
        /// The lead unit that is short, when the minimum holds for each lead unit (0028); `nil` for the movement's.
        public var leadUnitName: String?
        public var required: Int
        public var submitted: Int
        public var shortfall: Int
    }

    public var kind: Kind
    public var review: EmulationReview
    /// "2021-2025".
    public var period: String
    public var fromYear: Int
    public var toYear: Int
    public var byMovementAndYear: [MovementYear]
    public var awards: [Awards]
    public var followUp: FollowUp
    public var selections: [Selections]
    public var unitPlans: UnitPlans
    public var shortfalls: [Shortfall]
}
