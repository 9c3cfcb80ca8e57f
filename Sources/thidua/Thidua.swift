import ArgumentParser

@main
struct Thidua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Hồ sơ thi đua – khen thưởng / Emulation and commendation records.",
        discussion: """
            thidua keeps the district's emulation and commendation records in PostgreSQL: units register \
            exemplars per movement, lead units and the secretariat review them, the council votes, and the \
            chairman signs numbered decisions, with an audit trail of every step.

            Try it on this machine (nothing to prepare but PostgreSQL):
              thidua demo                      private database under ./.thidua, server on http://127.0.0.1:8080

            Every option can also be set by the environment variable named in its help.

            Exit codes:
              0   success
              1   failure not listed below
              64  the command line or an environment variable is wrong (a usage error)
              65  the data failed a check: a migration file was changed after it was applied, or the audit
                  trail failed verification
              69  PostgreSQL is unavailable (not installed, not running, unreachable)
            """,
        subcommands: [Demo.self, Serve.self, DatabaseCommand.self, AuditCommand.self, Bench.self]
    )
}
