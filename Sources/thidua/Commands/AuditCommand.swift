import ArgumentParser

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký / The audit trail: seal checkpoints and verify that nothing was tampered with.",
        discussion: """
            seal and verify work on the private database (--data) or on DATABASE_URL, connecting as a role that \
            sees the whole trail (a superuser). Keep the root that `seal` prints somewhere outside the database \
            (a printed report, a letter to the district): `verify --expect-root` then catches even a superuser \
            who rewrote the trail.

            Examples:
              thidua audit seal
              thidua audit verify --expect-root 3f1c…e9
            """,
        subcommands: [AuditSeal.self, AuditVerify.self, AuditHistory.self]
    )
}
