import ArgumentParser
import Postgres
import ThiduaCore

struct AuditSeal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Niêm phong / Seal every event written since the last checkpoint under one root, and print it.",
        discussion: """
            Waits for transactions that are writing events, seals, and prints the new checkpoint's root: keep it \
            outside the database. Nothing new to seal is not an error. Acts as the installer (a superuser session).

            Example:
              thidua audit seal --data /srv/thidua
            """
    )

    @OptionGroup var target: SuperuserTarget

    func run() async throws {
        do {
            let connection = try await target.connect()
            defer { connection.close() }
            guard let checkpoint = try await AuditCheckpointer.seal(
                on: connection, claim: .superuser(DataSet.installerID), actingRole: "installer") else {
                Console.line("Không có sự kiện mới để niêm phong / nothing new to seal")
                return
            }
            Console.line("Đã niêm phong điểm kiểm tra \(checkpoint.id) / sealed checkpoint \(checkpoint.id): events \(checkpoint.firstEventID)–\(checkpoint.lastEventID)")
            Console.line("Gốc cần lưu giữ bên ngoài / root to keep outside the database:")
            Console.line(checkpoint.root.hex)
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
