import ArgumentParser

struct UsersDisable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Khóa tài khoản / Disable a user; their sessions end at once.")
    @OptionGroup var activation: UserActivation
    func run() async throws { try await activation.send("disable", done: "Đã khóa / disabled") }
}
