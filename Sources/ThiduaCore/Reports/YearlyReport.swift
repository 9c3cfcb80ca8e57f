import Foundation

/// The yearly report the secretariat owes the chairman (PLAN.md section V.5; issue 4 §6): a year's nominations
/// counted by movement, by kind of unit and by kind of nominee, at each milestone; and the year's commendations
/// by form, type and kind of recipient, with the money, and by form and type in the recipient columns of Thông
/// tư 02/2023/TT-BNV's 0603.N.
public struct YearlyReport: Sendable, Hashable, Codable {
    /// One line of a count table: what it counts (`key`, the stored code; `label`, how it reads) and the counts.
    public struct Line: Sendable, Hashable, Codable {
        public var key: String
        public var label: String
        public var submitted: Int
        public var verified: Int
        public var approved: Int
        public var commended: Int
    }

    /// Commendations of the year of one form, type and kind of recipient; revoked ones are not counted.
    public struct Awards: Sendable, Hashable, Codable {
        public var form: String
        public var formName: String
        public var type: String
        public var nomineeKind: NomineeKind
        public var count: Int
        /// Money paid, in đồng.
        public var amount: Int64
    }

    /// Commendations of the year of one form and type, counted in report 0603.N's recipient columns (revoked
    /// ones are not). A locality counts as a collective; the classes come from `nominees.recipient_class`.
    public struct Recipients: Sendable, Hashable, Codable {
        public var form: String
        public var formName: String
        public var type: String
        public var collectives: Int
        /// Of `collectives`.
        public var enterprises: Int
        public var households: Int
        public var individuals: Int
        /// Of `individuals`: leaders and managers; business people; direct workers and farmers; others.
        public var leaders: Int
        public var businessPeople: Int
        public var workersAndFarmers: Int
        public var otherIndividuals: Int
        /// Recipients whose class was not recorded ("chưa phân loại"), of any kind.
        public var unclassified: Int
    }

    public var areaID: String
    public var year: Int
    public var byMovement: [Line]
    public var byUnitKind: [Line]
    public var byNomineeKind: [Line]
    public var awards: [Awards]
    public var awardsByRecipient: [Recipients]
}
