import ArgumentParser

struct UsersEnable: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Mở khóa tài khoản / Enable a user again.")
    @OptionGroup var activation: UserActivation
    func run() async throws { try await activation.send("enable", done: "Đã mở khóa / enabled") }
}
