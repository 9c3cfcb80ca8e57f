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
            server reads the trail through its thidua_verifier login, and --json prints its answer. Only the \
            flag chooses the server here (THIDUA_SERVER and the saved login do not), since checking the \
            database itself is this command's first purpose. Checking on the database yourself trusts \
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
        if client.json, client.server == nil {
            throw ValidationError("--json chỉ dùng với --server / --json prints the server's answer: add --server")
        }
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

    /// What either way of verifying found, in the server's field names (`AuditVerificationResponse`).
    struct Outcome: Decodable {
        struct Problem: Decodable {
            var vietnamese: String
            var english: String
        }

        var eventsChecked: Int
        var records: Int
        var checkpoints: Int
        var unsealedEvents: Int
        var latestRoot: String?
        var problem: Problem?

        var counts: String {
            "\(eventsChecked) events, \(records) records, \(checkpoints) checkpoints, \(unsealedEvents) not yet sealed"
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
            eventsChecked: verification.eventsChecked, records: verification.records, checkpoints: verification.checkpoints,
            unsealedEvents: verification.unsealedEvents, latestRoot: verification.latestRoot?.hex,
            problem: verification.problem.map { Outcome.Problem(vietnamese: $0.vietnamese, english: $0.english) })
    }

    private func askTheServer() async throws -> Outcome {
        FileHandle.standardError.write(Data("kiểm tra trên máy chủ / verifying on the server…\n".utf8))
        // The server answers only when it has read the whole trail: minutes for millions of events.
        let reply = try await client.client().send(
            "GET", "/api/v1/audit/verification", query: ["expectRoot": expectRoot], timeout: .seconds(3_600))
        let outcome = try reply.decode(Outcome.self)
        try client.print(reply) {}
        return outcome
    }
}
