import ArgumentParser

struct MovementsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movements",
        abstract: "Phong trào thi đua / The movements of your area: list them, show one with its criteria, units and minimums.",
        discussion: """
            A movement is named by its code, as `thidua movements list` prints it (a UUID is accepted too).

            Example:
              thidua movements list
              thidua movements show nong-thon-moi
            """,
        subcommands: [MovementsList.self, MovementsShow.self],
        defaultSubcommand: MovementsList.self)
}
