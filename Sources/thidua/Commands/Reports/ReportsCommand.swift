import ArgumentParser

struct ReportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Báo cáo / The secretariat's reports from a running server: the yearly report, overdue items.",
        discussion: """
            Example:
              thidua reports yearly 2021
              thidua reports overdue --json > qua-han.json
            """,
        subcommands: [ReportsYearly.self, ReportsOverdue.self])
}
