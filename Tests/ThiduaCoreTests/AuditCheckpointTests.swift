import Foundation
import Postgres
import Testing
@testable import ThiduaCore
import ThiduaTesting

/// Sealing (migration 0007 and ``AuditCheckpointer``): what a checkpoint covers, who may seal and read, and
/// that no one writes the trail but the database itself.
@Suite("AuditCheckpointTests")
struct AuditCheckpointTests {
    @Test func aCheckpointSealsEveryEventSinceThePreviousOneAndChainsFromItsRoot() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let first = try #require(try await fixture.seal())
        #expect(first.id == 1)
        #expect(first.firstEventID == 1)
        #expect(first.lastEventID == 8)
        #expect(first.eventCount == 8)
        #expect(first.previousRoot == .zero)
        #expect(first.sealedBy == AuditFixture.installer)
        let heads = try await fixture.admin.query("""
            SELECT record_id, seq FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = 1 AND record_type = 'units'
            """).map { try ($0.decode(String.self, at: 0), $0.decode(Int32.self, at: 1)) }
        #expect(Dictionary(uniqueKeysWithValues: heads) == [
            units[0].uuidString.lowercased(): 3, units[1].uuidString.lowercased(): 2, units[2].uuidString.lowercased(): 2,
        ])

        try await fixture.rename(units[1], to: "Xã Huổi Só")
        let second = try #require(try await fixture.seal())
        #expect(second.id == 2)
        #expect(second.firstEventID == 9)
        #expect(second.lastEventID == 9)
        #expect(second.eventCount == 1)
        #expect(second.previousRoot == first.root)
        #expect(try await fixture.admin.query("SELECT count(*) FROM thidua.audit_checkpoint_heads WHERE checkpoint_id = 2")
            .first!.decode(Int.self, at: 0) == 1)
    }

    @Test func sealingWithNoNewEventReturnsNothingAndAddsNoCheckpoint() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        _ = try await fixture.seal()
        #expect(try await fixture.seal() == nil)
        #expect(try await fixture.admin.query("SELECT count(*) FROM thidua.audit_checkpoints").first!.decode(Int.self, at: 0) == 1)
    }

    @Test func anAuditorSealsThroughTheApplicationRole() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        let auditor = try await fixture.addUser("thanh.tra", role: "auditor")
        let app = try await fixture.database.connect(user: "thidua_app")
        let token = try await SessionRepository.open(for: auditor, on: fixture.admin)
        let checkpoint = try #require(try await AuditCheckpointer.seal(on: app, claim: .session(token), actingRole: "auditor"))
        #expect(checkpoint.sealedBy == auditor)
        #expect(try await fixture.verify(expecting: .latest(checkpoint.root)).problem == nil)
    }

    /// Who is refused, and with which SQLSTATE: no acting user (TD001), a role that does not seal or a false
    /// claim to be the installer (TD008), an older snapshot than READ COMMITTED's (25000).
    enum Refusal: String, CaseIterable, Sendable {
        case noActingUser, clerk, installerFromTheApplication, repeatableRead
    }

    @Test(arguments: Refusal.allCases)
    func sealingIsRefused(_ refusal: Refusal) async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        let clerk = try await fixture.addUser("can.bo", role: "unit_clerk")
        let auditor = try await fixture.addUser("thanh.tra", role: "auditor")
        let app = try await fixture.database.connect(user: "thidua_app")
        let (actor, role, isolation, state): (UUID?, String, IsolationLevel, String) = switch refusal {
        case .noActingUser: (nil, "auditor", .readCommitted, "TD001")
        case .clerk: (clerk, "unit_clerk", .readCommitted, "TD008")
        case .installerFromTheApplication: (AuditFixture.installer, "installer", .readCommitted, "TD008")
        case .repeatableRead: (auditor, "auditor", .repeatableRead, "25000")
        }
        await #expect {
            try await app.withTransaction(isolation: isolation) { connection in
                if let actor {
                    // The installer's claim from the application's role is act_as, which only a superuser may call.
                    let claim: ActorClaim = actor == AuditFixture.installer
                        ? .superuser(actor) : .session(try await SessionRepository.open(for: actor, on: fixture.admin))
                    _ = try await connection.query(RecordStore.identification(claim, role: role))
                } else {
                    _ = try await connection.query("SELECT set_config('thidua.actor_role', \(role), true)")
                }
                _ = try await connection.query("SELECT thidua.seal_audit_checkpoint()")
            }
        } throws: { ($0 as? PostgresError)?.serverError?.sqlState == state }
        #expect(try await fixture.admin.query("SELECT count(*) FROM thidua.audit_checkpoints").first!.decode(Int.self, at: 0) == 0)
    }

    @Test func checkpointsAreReadByOverseersOnly() async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let app = try await fixture.database.connect(user: "thidua_app")
        for (username, role, visible) in [("can.bo", "unit_clerk", 0), ("thanh.tra", "auditor", 1), ("noi.vu", "secretariat", 1)] {
            let user = try await fixture.addUser(username, role: role)
            let identification = try await fixture.database.presenting(user)
            let seen = try await app.withTransaction(readOnly: true) { connection in
                _ = try await connection.query(identification)
                let checkpoints = try await connection.query("SELECT count(*) FROM thidua.audit_checkpoints").first!.decode(Int.self, at: 0)
                let heads = try await connection.query("SELECT count(*) FROM thidua.audit_checkpoint_heads").first!.decode(Int.self, at: 0)
                return (checkpoints, heads > 0 ? 1 : 0)
            }
            #expect(seen == (visible, visible), "\(role)")
        }
    }

    static let tables = ["audit_events", "audit_checkpoints", "audit_checkpoint_heads"]

    static let applicationStatements: [String] = tables.flatMap { table in
        [
            "UPDATE thidua.\(table) SET \(table == "audit_checkpoints" ? "root" : "hash") = sha256('x') WHERE true",
            "DELETE FROM thidua.\(table)",
            "TRUNCATE thidua.\(table)",
            "INSERT INTO thidua.\(table) DEFAULT VALUES",
        ]
    }

    @Test(arguments: applicationStatements)
    func theApplicationRoleIsDeniedWritingTheTrail(_ statement: String) async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let auditor = try await fixture.addUser("thanh.tra", role: "auditor")
        let app = try await fixture.database.connect(user: "thidua_app")
        let identification = try await fixture.database.presenting(auditor, role: "auditor")
        await #expect {
            try await app.withTransaction { connection in
                _ = try await connection.query(identification)
                try await connection.execute(script: statement)
            }
        } throws: {
            ($0 as? PostgresError)?.serverError?.sqlState == "42501"
        }
    }

    static let ownerStatements: [String] = tables.flatMap { table in
        [
            "UPDATE thidua.\(table) SET \(table == "audit_checkpoints" ? "root" : "hash") = sha256('x') WHERE true",
            "DELETE FROM thidua.\(table)",
            // CASCADE: a plain TRUNCATE of the checkpoints is stopped even earlier, by the heads' foreign key.
            "TRUNCATE thidua.\(table) CASCADE",
        ]
    }

    @Test(arguments: ownerStatements)
    func theOwnerIsRefusedByTheTriggers(_ statement: String) async throws {
        let fixture = try await AuditFixture.make()
        _ = try await fixture.honestHistory()
        _ = try await fixture.seal()
        let owner = try await fixture.database.connect()
        try await owner.execute(script: "SET ROLE thidua_owner")
        await #expect { try await owner.execute(script: statement) } throws: {
            ($0 as? PostgresError)?.serverError?.sqlState == "TD009"
        }
    }

    @Test func anEventWhoseIdWasTakenBeforeASealGetsANewIdAboveIt() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        let checkpoint = try #require(try await fixture.seal())
        // What write_audit_event does when a seal slips between its nextval() and its INSERT: an id the
        // checkpoint already covers.
        let stored = try await fixture.admin.query("""
            INSERT INTO thidua.audit_events
            SELECT 3, occurred_at, area_id, record_type, record_id, seq + 1, actor_id, on_behalf_of, actor_role, actor_unit_id,
                   record_unit_id, action, reason, request_id, before, after, hash, hash
            FROM thidua.audit_events WHERE id = \(try await fixture.eventID(units[0], seq: 3))
            RETURNING id
            """).first!.decode(Int64.self, at: 0)
        #expect(stored > checkpoint.lastEventID)
    }

    @Test func sealingWhileUnitsAreRenamedLeavesATrailThatVerifies() async throws {
        let fixture = try await AuditFixture.make()
        let units = try await fixture.honestHistory()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, unit) in units.enumerated() {
                group.addTask {
                    let writer = AuditFixture(database: fixture.database, admin: try await fixture.database.connect())
                    for round in 1...25 {
                        try await writer.rename(unit, to: "Xã số \(index) lần \(round)")
                    }
                }
            }
            group.addTask {
                let sealer = AuditFixture(database: fixture.database, admin: try await fixture.database.connect())
                for _ in 1...15 {
                    _ = try await sealer.seal()
                }
            }
            try await group.waitForAll()
        }
        let last = try await fixture.seal()
        let verification = try await AuditVerifier(connection: fixture.admin, batchSize: 7).verify(expecting: last.map { .latest($0.root) })
        #expect(verification.problem == nil)
        #expect(verification.eventsChecked == 8 + 75)
        #expect(verification.unsealedEvents == 0)
    }
}

extension AuditFixture {
    /// An active user of a new unit holding `role`.
    func addUser(_ username: String, role: String) async throws -> UUID {
        let user = UUID()
        let unit = try await addCommune("don-vi-\(username.replacingOccurrences(of: ".", with: "-"))", "Đơn vị của \(username)")
        try await asInstaller("""
            INSERT INTO thidua.users (id, unit_id, username, full_name, password_hash)
            VALUES ('\(user.uuidString.lowercased())', '\(unit.uuidString.lowercased())', '\(username)', 'Người dùng \(username)', '$2a$06$không-đăng-nhập');
            INSERT INTO thidua.role_grants (user_id, role) VALUES ('\(user.uuidString.lowercased())', '\(role)');
            """)
        return user
    }
}
