import Postgres

extension CouncilRule {
    /// The columns `init(row:)` reads, as `council_rules` and the snapshot in `council_sessions` both name them.
    static let columns: StaticString = """
        quorum_numerator, quorum_denominator, threshold_numerator, threshold_denominator, strictly_more, base, ballot,
        tie_break, recused_excluded, written_votes_allowed, legal_basis
        """

    init(row: PostgresRow) throws {
        self.init(
            quorumNumerator: try row.decode(column: "quorum_numerator"),
            quorumDenominator: try row.decode(column: "quorum_denominator"),
            thresholdNumerator: try row.decode(column: "threshold_numerator"),
            thresholdDenominator: try row.decode(column: "threshold_denominator"),
            strictlyMore: try row.decode(column: "strictly_more"),
            base: try row.decodeEnum(column: "base"),
            ballot: try row.decodeEnum(column: "ballot"),
            tieBreak: try row.decodeEnum(column: "tie_break"),
            recusedExcluded: try row.decode(column: "recused_excluded"),
            writtenVotesAllowed: try row.decode(column: "written_votes_allowed"),
            legalBasis: try row.decode(column: "legal_basis"))
    }
}
