import ArgumentParser

struct ExemplarsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exemplars",
        abstract: "Điển hình tiên tiến / Exemplars a unit follows: evaluations, propagation, replication.",
        discussion: """
            An exemplar is a commended nominee taken up as a model by a unit (usually its own), which evaluates it
            over the years, spreads it and records where other units replicated it. That unit's clerk or head, or
            the secretariat, record the follow-up; nothing is changed afterwards, every entry is audited.

            Example:
              thidua exemplars list
              thidua exemplars show 2f9a…
              thidua exemplars evaluate 2f9a… --on 2022-12-20 --period "Năm 2022" \\
                  --effect "…" --efficiency "…" --potential "…"
              thidua exemplars propagate 2f9a… --kind study_visit --on 2023-04-12 \\
                  --audience "Cán bộ 5 xã"
              thidua exemplars replicate 2f9a… --unit 0c7e… --on 2023-03-01 \\
                  --result "12 hộ hiến đất làm đường"
            """,
        subcommands: [ExemplarsList.self, ExemplarsShow.self, ExemplarsEvaluate.self, ExemplarsPropagate.self, ExemplarsReplicate.self])
}
