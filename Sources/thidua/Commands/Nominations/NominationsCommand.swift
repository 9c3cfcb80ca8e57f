import ArgumentParser

struct NominationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nominations",
        abstract: "Hồ sơ đề nghị / Nominations on a running server: list, show, create, edit and every workflow step.",
        discussion: """
            Each command acts as the user of `thidua login`. Changes need the version you read (--version); \
            without it the command reads the current one first, so a script that must not overwrite someone \
            else's change passes the version it showed.

            Example (a commune's clerk, then its head):
              thidua nominations create --round R --movement M --kind individual \\
                  --name "Giàng A Páo"
              thidua nominations submit 3f0c… --version 1
            """,
        subcommands: [
            NominationsList.self, NominationsShow.self, NominationsCreate.self, NominationsEdit.self, NominationsImport.self, NominationsExport.self,
            NominationsAttach.self, NominationsSubmit.self, NominationsWithdraw.self, NominationsEndorse.self, NominationsReturn.self, NominationsVerify.self,
        ]
    )
}
