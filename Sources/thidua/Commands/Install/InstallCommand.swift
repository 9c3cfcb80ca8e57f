import ArgumentParser

struct InstallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Cài đặt / Prepare a real deployment: the district's catalogue and its first administrator.",
        discussion: """
            Run once, after `thidua db migrate`, on the database owner's connection (a superuser's \
            DATABASE_URL, or the private cluster under --data), as deploy/README.md describes. Each step is \
            one audited transaction made by the installer. The demo accounts are never created here.

            Examples:
              DATABASE_URL=postgresql:///thidua thidua install catalogue
              THIDUA_NEW_PASSWORD=… thidua install administrator --unit hoi-dong-tdkt \\
                  --username quantri --full-name "Đào Minh Khôi"
            """,
        subcommands: [InstallCatalogue.self, InstallAdministrator.self, InstallPassword.self]
    )
}
