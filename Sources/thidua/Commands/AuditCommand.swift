import ArgumentParser

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Nhật ký / The audit trail: seal and verify it; read a record's history, a user's actions, a record as it was.",
        discussion: """
            seal and verify work on the private database (--data) or on DATABASE_URL, connecting as a role that \
            sees the whole trail (a superuser). Keep the root that `seal` prints somewhere outside the database \
            (a printed report, a letter to the district): `verify --expect-root` then catches even a superuser \
            who rewrote the trail. history, by-user and as-of ask a running server as the logged-in user.

            Examples:
              thidua audit seal
              thidua audit verify --expect-root 3f1c…e9
              thidua audit history nominations 3f0c…
            """,
        subcommands: [AuditSeal.self, AuditVerify.self, AuditHistory.self, AuditByUser.self, AuditAsOf.self]
    )
}
