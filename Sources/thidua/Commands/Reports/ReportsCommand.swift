import ArgumentParser

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Báo cáo / The secretariat's reports from a running server: the yearly report, 0601.N movements, the review summaries, overdue items.",
        discussion: """
            Example:
              thidua reports yearly 2021
              thidua reports movements --year 2021
              thidua reports review-summary --kind mid-term
              thidua reports overdue --json > qua-han.json
            """,
        subcommands: [ReportsYearly.self, ReportsMovements.self, ReportsReviewSummary.self, ReportsOverdue.self])
}
