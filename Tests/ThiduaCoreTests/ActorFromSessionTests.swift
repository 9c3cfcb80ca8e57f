import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Issue 13 item 1: someone holding the application's database password (a compromised or misconfigured
/// server) tries to act as the chairman without the chairman's session. Each way in is refused by PostgreSQL
/// and nothing is written; only the chairman's own live session makes him the actor (0029).
@Suite("ActorFromSessionTests")
struct ActorFromSessionTests {
    /// One verified nomination the chairman could see, and an application connection of the attacker's own.
    struct Scene {
        let world: RecordsWorld
        let nomination: Nomination
        let chairman: Actor
        let app: PostgresConnection

        static func make() async throws -> Scene {
            let world = try await RecordsWorld.make()
            let nomination = try await world.verified("Lò Thị Mai")
            return Scene(world: world, nomination: nomination, chairman: try await world.actor(.chairman),
                         app: try await world.database.connect(user: "thidua_app"))
        }

        func events() async throws -> Int {
            try await world.superuser { try await $0.query("SELECT count(*) FROM thidua.audit_events").single()!.decode(Int.self, at: 0) }
        }

        func state() async throws -> String {
            try await world.superuser {
                try await $0.query("SELECT state FROM thidua.nominations WHERE id = \(nomination.id)").single()!.decode(String.self, at: 0)
            }
        }

        /// In one transaction of the attacker's connection: `setUp`, then what the chairman may see and a change.
        func attempt(_ setUp: String) async throws -> (seen: Int, refusal: String?) {
            do {
                return try await app.withTransaction { connection in
                    try await connection.execute(script: setUp)
                    let seen = try await connection.query("SELECT count(*) FROM thidua.nominations").single()!.decode(Int.self, at: 0)
                    let changed = try await connection.query("""
                        UPDATE thidua.nominations SET state = 'returned', version = version + 1, return_count = return_count + 1
                        WHERE id = \(nomination.id) RETURNING id
                        """).count
                    return (seen, changed == 0 ? "nothing to change" : nil)
                }
            } catch let error as PostgresError {
                return (0, error.serverError?.sqlState ?? "\(error)")
            }
        }
    }


    @Test("naming the chairman in thidua.actor_id, as the server used to, makes no one the actor")
    func theOldSettingIsIgnored() async throws {
        let scene = try await Scene.make()
        let before = try await scene.events()
        let chairman = scene.chairman.userID.uuidString.lowercased()
        let result = try await scene.attempt("""
            SELECT set_config('thidua.actor_id', '\(chairman)', true), set_config('thidua.actor_role', 'secretariat', true)
            """)
        #expect(result.seen == 0)
        #expect(result.refusal != nil)
        #expect(try await scene.events() == before)
        #expect(try await scene.state() == "verified")
    }

    @Test("a forged actor context (the chairman's id, his roles, any seal) sees no row and changes none")
    func aForgedContextIsRefused() async throws {
        let scene = try await Scene.make()
        let before = try await scene.events()
        let chairman = scene.chairman.userID.uuidString.lowercased()
        // The context exactly as establish_actor_context writes it, but sealed with a guessed key.
        let result = try await scene.attempt("""
            SELECT set_config('thidua.context_of', '\(chairman)', true),
                   set_config('thidua.context_unit_id', '\(scene.world.council.uuidString.lowercased())', true),
                   set_config('thidua.context_area_id', 'test/huyen', true),
                   set_config('thidua.context_roles', '{chairman,secretariat}', true),
                   set_config('thidua.context_lead_movements', '{}', true),
                   set_config('thidua.context_mac', encode(hmac(convert_to(thidua.actor_context_payload(), 'UTF8'), 'guess', 'sha256'), 'hex'), true),
                   set_config('thidua.actor_role', 'secretariat', true)
            """)
        #expect(result.seen == 0)
        #expect(result.refusal != nil)
        #expect(try await scene.events() == before)
        #expect(try await scene.state() == "verified")
    }

    @Test("the application's role may not name a user outright (act_as) nor open a session without a password")
    func noBackDoor() async throws {
        let scene = try await Scene.make()
        let chairman = scene.chairman.userID.uuidString.lowercased()
        let named = try await scene.attempt("SELECT thidua.act_as('\(chairman)'); SELECT set_config('thidua.actor_role', 'secretariat', true)")
        #expect(named.refusal == "TD008" || named.refusal == "42501", "\(named)")
        let opened = try await scene.attempt("SELECT thidua.open_session('\(chairman)', sha256('mine'))")
        #expect(opened.refusal == "TD008" || opened.refusal == "42501", "\(opened)")
        #expect(try await scene.world.superuser {
            try await $0.query("SELECT count(*) FROM thidua.sessions WHERE token_hash = sha256('mine')").single()!.decode(Int.self, at: 0)
        } == 0)
    }

    @Test("a made-up token, a signed-out session and the hash of a live one are all refused (TD001)")
    func onlyALiveTokenServes() async throws {
        let scene = try await Scene.make()
        let sessions = SessionRepository(store: scene.world.store)
        let signedOut = try await scene.world.superuser { try await SessionRepository.open(for: scene.chairman.userID, on: $0) }
        try await sessions.signOut(signedOut)
        let live = try await scene.world.superuser { try await SessionRepository.open(for: scene.chairman.userID, on: $0) }
        let hashOfLive = try await scene.world.superuser {
            try await $0.query("SELECT encode(sha256(convert_to(\(live.text), 'UTF8')), 'hex')").single()!.decode(String.self, at: 0)
        }
        for token in [SessionToken().text, signedOut.text, hashOfLive] {
            let result = try await scene.attempt("SELECT thidua.present_session('\(token)')")
            #expect(result.refusal == "TD001", "\(token.prefix(8)): \(result)")
        }
        #expect(try await scene.state() == "verified")
    }

    @Test("a seal is good for its own transaction only: replayed in the next one it is refused")
    func aSealCannotBeReplayed() async throws {
        let scene = try await Scene.make()
        let token = try await scene.world.superuser { try await SessionRepository.open(for: scene.world.users[.clerkB]!, on: $0) }
        // The attacker presents a session it holds (commune B's clerk), and keeps the context it was given.
        let kept = try await scene.app.withTransaction { connection in
            _ = try await connection.query("SELECT thidua.present_session(\(token.text))")
            return try await connection.query("""
                SELECT current_setting('thidua.context_of'), current_setting('thidua.context_unit_id'),
                       current_setting('thidua.context_area_id'), current_setting('thidua.context_roles'),
                       current_setting('thidua.context_lead_movements'), current_setting('thidua.context_mac')
                """).single()!.decode((String, String, String, String, String, String).self)
        }
        try await SessionRepository(store: scene.world.store).signOut(token)
        let replayed = try await scene.attempt("""
            SELECT set_config('thidua.context_of', '\(kept.0)', true), set_config('thidua.context_unit_id', '\(kept.1)', true),
                   set_config('thidua.context_area_id', '\(kept.2)', true), set_config('thidua.context_roles', '\(kept.3)', true),
                   set_config('thidua.context_lead_movements', '\(kept.4)', true), set_config('thidua.context_mac', '\(kept.5)', true)
            """)
        #expect(replayed.seen == 0)
    }

    @Test("with a live session the same connection acts as its user, and the trail names them")
    func aLiveSessionServes() async throws {
        let scene = try await Scene.make()
        let secretary = try await scene.world.actor(.secretary)
        guard case .session(let token) = secretary.claim else { Issue.record("no session"); return }
        let (seen, actor) = try await scene.app.withTransaction(readOnly: true) { connection in
            _ = try await connection.query("SELECT thidua.present_session(\(token.text))")
            return try await connection.query("SELECT (SELECT count(*) FROM thidua.nominations), thidua.actor_id()").single()!.decode((Int, UUID).self)
        }
        #expect(seen == 1)
        #expect(actor == secretary.userID)
        // The verification (RecordsWorld.verified, through the repositories as the server acts, presenting a
        // session) is the secretariat's in the trail.
        let last = try await scene.world.superuser {
            try await $0.query("""
                SELECT actor_id FROM thidua.audit_events WHERE record_type = 'nominations' AND record_id = \(scene.nomination.id.uuidString.lowercased())
                ORDER BY seq DESC LIMIT 1
                """).single()!.decode(UUID.self, at: 0)
        }
        #expect(last == secretary.userID)
    }

    @Test("a grant made earlier in the same transaction counts at once, and the context stays sealed")
    func aGrantInTheTransactionRefreshesTheContext() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let clerk = world.users[.clerkB]!
        guard case .session(let token) = admin.claim else { Issue.record("no session"); return }
        let app = try await world.database.connect(user: "thidua_app")
        defer { app.close() }
        let roles = try await app.withTransaction { connection in
            _ = try await connection.query(RecordStore.identification(.session(token), role: "admin"))
            _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role, granted_by) VALUES (\(clerk), 'unit_head', \(admin.userID))")
            return try await connection.query("SELECT thidua.actor_context_verified(), thidua.actor_id() = \(admin.userID)").single()!.decode((Bool, Bool).self)
        }
        #expect(roles == (true, true))
    }
}
