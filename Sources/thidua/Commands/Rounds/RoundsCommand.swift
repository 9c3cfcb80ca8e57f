import ArgumentParser

struct RoundsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rounds",
        abstract: "Đợt thi đua / The rounds of your area, and deadline exceptions (secretariat).",
        discussion: """
            A round is named by its code, as `thidua rounds list` prints it (a UUID is accepted too).

            Example:
              thidua rounds list
              thidua rounds grant-exception thu-2024 xa-sin-chai \\
                  --until "2024-12-20 17:00" --reason "Mất điện ngày nộp"
            """,
        subcommands: [RoundsList.self, RoundsGrantException.self],
        defaultSubcommand: RoundsList.self)
}
