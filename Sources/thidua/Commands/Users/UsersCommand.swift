import ArgumentParser

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Người dùng / Users and role grants on a running server (administrator).",
        discussion: """
            Example:
              THIDUA_NEW_PASSWORD='…' thidua users create --unit U \\
                  --username sinchai.canbo2 --full-name "Vàng Thị Mỷ"
              thidua users grant 7c2e… unit_clerk
              thidua users show 7c2e…       unit, active, roles (--json for scripts)
              thidua users disable 7c2e… --reason "Chuyển công tác"
                                            their sessions end at once
            """,
        subcommands: [UsersCreate.self, UsersShow.self, UsersGrant.self, UsersRevoke.self, UsersDisable.self, UsersEnable.self])
}
