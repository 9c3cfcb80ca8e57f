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
              thidua demo     a private database under ./.thidua, the Tủa Chùa data,
                              the server on http://127.0.0.1:8080

            Every option can also be set by the environment variable named in its help.

            Exit codes:
              0   success
              1   failure not listed below
              64  the command line or an environment variable is wrong (usage)
              65  the data failed a check: a migration file changed after it was
                  applied, or the audit trail failed verification; or the server
                  refused the input (400, 413, 415, 422); or a name typed names
                  several records (use the id)
              66  the server has no such record, or none you may see (404), or
                  no code, number or username is the one typed
              69  PostgreSQL or the thidua server is unavailable: not installed,
                  not running, unreachable, or answering 503
              75  try again after reading the record anew: someone changed it,
                  it is in another state, or too many sign-ins failed
                  (409, 412, 428, 429)
              77  not signed in, or not allowed (401, 403)

            Working against a running server (the commands a user types every day):
              thidua login --server http://127.0.0.1:8080 --username sinchai.canbo
              thidua nominations list --state submitted
              thidua nominations return 3f0c… --reason "Thiếu biên bản bình xét"
            """,
        subcommands: [
            Demo.self, Serve.self, DatabaseCommand.self, InstallCommand.self, AuditCommand.self, Bench.self,
            Login.self, Logout.self, WhoAmI.self, NominationsCommand.self, CouncilCommand.self, UsersCommand.self,
            RoundsCommand.self, MovementsCommand.self, DecisionsCommand.self, ComplianceCommand.self, ReportsCommand.self, HoldsCommand.self,
            RulesCommand.self, EligibilityCommand.self, ExemplarsCommand.self, NoticesCommand.self,
        ]
    )
}
