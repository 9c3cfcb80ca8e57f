import Foundation

/// Thông tư 02/2023/TT-BNV's yearly report 0601.N for an area: the movements running in the year (begun by
/// then, not ended before it), counted by each of the law's classifications — the level that launched them,
/// their scope, duration and method — with how many were launched that year and what the records show of
/// taking part: the units that sent nominations in the year's rounds, those nominations, and those commended.
///
/// Every classification lists all its values, zeros included, in the order of the law's columns; `total` is
/// the same counts over all running movements, so each classification's lines add up to it (units excepted:
/// a unit taking part in two movements of different lines counts in both, and once in the total).
public struct MovementsReport: Sendable, Hashable, Codable {
    /// Counts over the running movements of one classification value (`key`, the stored code; `label`, how it
    /// reads), or of all of them.
    public struct Line: Sendable, Hashable, Codable {
        public var key: String
        public var label: String
        public var movements: Int
        /// Of `movements`, those whose first year is the report's year.
        public var launched: Int
        /// Units with a nomination (submitted, not withdrawn or rejected) in the year's rounds for these movements.
        public var units: Int
        /// Those nominations.
        public var nominations: Int
        /// Of them, those commended by a decision.
        public var commended: Int
    }

    /// One running movement with its classification and the same participation figures.
    public struct Movement: Sendable, Hashable, Codable {
        public var code: String
        public var name: String
        public var initiatingLevel: InitiatingLevel
        public var scope: MovementScope
        public var duration: MovementDuration
        public var method: MovementMethod
        public var startsYear: Int
        public var endsYear: Int?
        public var units: Int
        public var nominations: Int
        public var commended: Int
    }

    public var areaID: String
    public var year: Int
    public var total: Line
    public var byInitiatingLevel: [Line]
    public var byScope: [Line]
    public var byDuration: [Line]
    public var byMethod: [Line]
    public var movements: [Movement]
}
