import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// `thidua audit seal` and `thidua audit verify` as an auditor runs them, on a database with a real history.
@Suite("AuditCommandTests")
struct AuditCommandTests {
    @Test("seal prints a root; verify accepts the honest trail and that root, and names a tampered event with exit 65")
    func sealAndVerify() async throws {
        let world = try await RecordsWorld.make()
        let clerk = try await world.actor(.clerkA)
        let nomination = try await world.nominations.create(world.draft(), by: clerk)
        _ = try await world.nominations.edit(nomination.id, version: 1, content: NominationContent(nomineeName: "Lò Thị Mai", title: "Sửa"), by: clerk)
        let environment = ["DATABASE_URL": try world.database.connectionString()]

        let seal = try await BuiltCommand.run("thidua", ["audit", "seal"], environment: environment)
        #expect(seal.status == 0, "\(seal.error)")
        let root = try #require(seal.output.split(separator: "\n").last.map(String.init))
        #expect(root.count == 64)

        let honest = try await BuiltCommand.run("thidua", ["audit", "verify", "--expect-root", root], environment: environment)
        #expect(honest.status == 0, "\(honest.error)")
        #expect(honest.output.contains("audit trail intact"))

        let wrongRoot = try await BuiltCommand.run("thidua", ["audit", "verify", "--expect-root", String(repeating: "0", count: 64)], environment: environment)
        #expect(wrongRoot.status == 65)

        let tampered = try await world.superuser { connection in
            _ = try await connection.query("SET session_replication_role = replica")
            return try await connection.query("""
                UPDATE thidua.audit_events SET reason = 'sửa lén' WHERE record_type = 'nominations' AND seq = 2 RETURNING id
                """).single()!.decode(Int64.self, at: 0)
        }
        let caught = try await BuiltCommand.run("thidua", ["audit", "verify"], environment: environment)
        #expect(caught.status == 65)
        #expect(caught.error.contains("\(tampered)"), "\(caught.error)")

        let usage = try await BuiltCommand.run("thidua", ["audit", "verify", "--expect-root", "không phải"], environment: environment)
        #expect(usage.status == 64)
        // --json prints the server's answer; on the database there is none, so it is refused rather than ignored.
        let jsonAlone = try await BuiltCommand.run("thidua", ["audit", "verify", "--json"], environment: environment)
        #expect(jsonAlone.status == 64 && jsonAlone.error.contains("--server"), "\(jsonAlone.error)")
    }
}
