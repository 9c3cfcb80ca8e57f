import ArgumentParser
import Foundation
import Postgres
import ThiduaCore

struct AuditVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kiểm tra / Recompute every hash chain and checkpoint and name the first event that does not match.",
        discussion: """
            Reads the whole trail (as a superuser), recomputes each record's SHA-256 chain, every checkpoint's \
            heads and root, and stops at the first problem: an event edited, removed or inserted, a chain \
            rewritten, a checkpoint altered, or a root other than the one you kept. Progress goes to standard \
            error. Exit 0 when the trail is intact, 65 when it is not.

            Examples:
              thidua audit verify
              thidua audit verify --expect-root 3f1c…e9
              thidua audit verify --expect-root 12:3f1c…e9      checkpoint 12 must still have this root
            """
    )

    @OptionGroup var target: SuperuserTarget

    @Option(help: ArgumentHelp(
        "The root you kept: 64 hex digits for the latest checkpoint, or ID:HEX for checkpoint ID.", valueName: "root"))
    var expectRoot: String?

    func validate() throws {
        if let expectRoot, AuditExpectedRoot(parsing: expectRoot) == nil {
            throw ValidationError("--expect-root: 64 hexadecimal digits, or ID:HEX / cần 64 chữ số hệ mười sáu")
        }
    }

    func run() async throws {
        do {
            let connection = try await target.connect()
            defer { connection.close() }
            let bar = ProgressBar(label: "kiểm tra / verifying")
            let verification = try await AuditVerifier(connection: connection)
                .verify(expecting: expectRoot.flatMap(AuditExpectedRoot.init(parsing:))) { checked, total in bar.show(checked, of: total) }
            bar.finish()
            let counts = "\(verification.eventsChecked) events, \(verification.records) records, \(verification.checkpoints) checkpoints, \(verification.unsealedEvents) not yet sealed"
            if let problem = verification.problem {
                FileHandle.standardError.write(Data("""
                    thidua: NHẬT KÝ KHÔNG TOÀN VẸN / THE AUDIT TRAIL FAILED VERIFICATION
                            \(problem.vietnamese)
                            \(problem.english)
                            (\(counts) read)

                    """.utf8))
                throw ExitCode(CommandFailure.dataError)
            }
            Console.line("Nhật ký toàn vẹn / audit trail intact: \(counts)")
            if let root = verification.latestRoot { Console.line("Gốc mới nhất / latest root: \(root.hex)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }
}
