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

            With --server, an auditor signed in to that server (thidua login) asks it to verify instead: the \
            server reads the trail through its thidua_verifier login. Checking on the database yourself trusts \
            nothing but the database; asking the server is what an auditor without database access can do.

            Examples:
              thidua audit verify
              thidua audit verify --expect-root 3f1c…e9
              thidua audit verify --expect-root 12:3f1c…e9
                                  checkpoint 12 must still have this root
              thidua audit verify --server https://thidua.example.vn
            """
    )

    @OptionGroup var target: SuperuserTarget
    @OptionGroup var client: ClientOptions

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
            let outcome = client.server == nil ? try await verifyOnTheDatabase() : try await askTheServer()
            if let problem = outcome.problem {
                FileHandle.standardError.write(Data("""
                    thidua: NHẬT KÝ KHÔNG TOÀN VẸN / THE AUDIT TRAIL FAILED VERIFICATION
                            \(problem.vietnamese)
                            \(problem.english)
                            (\(outcome.counts) read)

                    """.utf8))
                throw ExitCode(CommandFailure.dataError)
            }
            guard !(client.json && client.server != nil) else { return }
            Console.line("Nhật ký toàn vẹn / audit trail intact: \(outcome.counts)")
            if let root = outcome.latestRoot { Console.line("Gốc mới nhất / latest root: \(root)") }
        } catch {
            throw CommandFailure.exit(for: error)
        }
    }

    /// What either way of verifying found, as this command reports it.
    struct Outcome {
        var problem: (vietnamese: String, english: String)?
        var counts: String
        var latestRoot: String?

        init(problem: (String, String)?, events: Int, records: Int, checkpoints: Int, unsealed: Int, latestRoot: String?) {
            self.problem = problem.map { (vietnamese: $0.0, english: $0.1) }
            counts = "\(events) events, \(records) records, \(checkpoints) checkpoints, \(unsealed) not yet sealed"
            self.latestRoot = latestRoot
        }
    }

    private func verifyOnTheDatabase() async throws -> Outcome {
        let connection = try await target.connect()
        defer { connection.close() }
        let bar = ProgressBar(label: "kiểm tra / verifying")
        let verification = try await AuditVerifier(connection: connection)
            .verify(expecting: expectRoot.flatMap(AuditExpectedRoot.init(parsing:))) { checked, total in bar.show(checked, of: total) }
        bar.finish()
        return Outcome(
            problem: verification.problem.map { ($0.vietnamese, $0.english) }, events: verification.eventsChecked,
            records: verification.records, checkpoints: verification.checkpoints, unsealed: verification.unsealedEvents,
            latestRoot: verification.latestRoot?.hex)
    }

    private func askTheServer() async throws -> Outcome {
        struct Reply: Decodable {
            struct Problem: Decodable { var vietnamese: String; var english: String }
            var eventsChecked: Int; var records: Int; var checkpoints: Int; var unsealedEvents: Int
            var latestRoot: String?; var problem: Problem?
        }
        FileHandle.standardError.write(Data("kiểm tra trên máy chủ / verifying on the server…\n".utf8))
        let reply = try await client.client().send("GET", "/api/v1/audit/verification", query: ["expectRoot": expectRoot])
        let result = try reply.decode(Reply.self)
        try client.print(reply) {}
        return Outcome(
            problem: result.problem.map { ($0.vietnamese, $0.english) }, events: result.eventsChecked, records: result.records,
            checkpoints: result.checkpoints, unsealed: result.unsealedEvents, latestRoot: result.latestRoot)
    }
}
