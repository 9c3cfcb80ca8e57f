import ArgumentParser

struct CouncilCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: "Hội đồng / Council review sessions on a running server: list, open, show, vote, recuse, close, minutes.",
        discussion: """
            The secretariat opens a session over verified nominations (the roster of members is frozen then) \
            and closes it (every item is counted by the session's rule); members vote until it closes.

            Example:
              thidua council list
              thidua council open --round R \\
                  --title "Phiên xét khen thưởng 2021" 3f0c… 9a1b…
              thidua council vote S 3f0c… approve --comment "Thành tích rõ"
              thidua council close S
              thidua council minutes S --output bien-ban.html
            """,
        subcommands: [CouncilList.self, CouncilOpen.self, CouncilShow.self, CouncilVote.self, CouncilRecuse.self, CouncilClose.self, CouncilMinutes.self])
}
