import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Đo tốc độ / Benchmarks that compare thidua with a baseline measured in the same run.",
        discussion: """
            writes (the default): the audited write path through the repositories, against pgbench.
            http: the same work over HTTP through `thidua serve`, against pgbench and a route with no database.
            pages: how long the web pages of a running demo take to build and what they weigh, against /health.
            Both start their own throwaway PostgreSQL; build in release mode first.
            """,
        subcommands: [BenchWrites.self, BenchHTTP.self, BenchPages.self],
        defaultSubcommand: BenchWrites.self
    )
}
