import ArgumentParser

struct HoldsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holds",
        abstract: "Tạm dừng khen thưởng / Holds: a nominee under discipline, investigation, inspection or complaint is neither commended nor proposed.",
        discussion: """
            The secretariat places and lifts holds; it, the chairman and auditors read them. A hold in force on a
            decision's date refuses the nominee's item when it is drafted and again when it is signed.

            Example:
              thidua holds add --nominee 5b1e… --kind discipline --from 2024-01-10 \\
                  --basis "Quyết định kỷ luật số 05/QĐ-UBND"
              thidua holds list --nominee 5b1e…
              thidua holds lift 9c2d… --on 2024-06-01 --reason "Hết thời hạn kỷ luật"
            """,
        subcommands: [HoldsList.self, HoldsAdd.self, HoldsLift.self])
}
