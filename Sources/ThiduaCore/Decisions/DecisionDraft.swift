import Foundation

/// What the secretariat puts into a new commendation decision or proposal.
public struct DecisionDraft: Sendable, Hashable {
    /// The register it will be numbered in when signed (a decision series, or a proposal series for a proposal).
    public var seriesID: UUID
    /// The date the document will bear: the day it is signed, or an earlier one to enter a paper decision.
    public var decidedOn: Date
    public var subject: String
    public var legalBases: [String]
    public var items: [DecisionItemDraft]
    /// A proposal's addressee: the level that may confer what it asks for. `nil` for a commendation decision.
    public var proposalTo: AuthorityLevel?

    public init(
        seriesID: UUID, decidedOn: Date, subject: String, legalBases: [String], items: [DecisionItemDraft],
        proposalTo: AuthorityLevel? = nil
    ) {
        self.seriesID = seriesID
        self.decidedOn = decidedOn
        self.subject = subject
        self.legalBases = legalBases
        self.items = items
        self.proposalTo = proposalTo
    }

    public var kind: DecisionKind { proposalTo == nil ? .commendation : .proposal }
}
