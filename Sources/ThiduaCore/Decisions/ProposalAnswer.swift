/// The higher level's answer to one item of a proposal. Raw values are the database's.
public enum ProposalAnswer: String, Sendable, Hashable, CaseIterable, Codable {
    /// Conferred by the higher level's own decision: the nominee's commendation record is made.
    case granted
    /// Not conferred: the achievement is free again for another commendation.
    case refused
}
