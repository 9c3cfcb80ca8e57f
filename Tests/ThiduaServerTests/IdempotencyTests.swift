import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Issue 12 item 4: a create sent again with its `Idempotency-Key` — after a lost answer, or racing the first —
/// makes one record and gets the first answer again; the key with another body is 422; a refusal is not kept.
@Suite("IdempotencyTests")
struct IdempotencyTests {
    static let key = HTTPField.Name("Idempotency-Key")!

    func create(_ api: APIClient, _ world: RecordsWorld, token: String, name: String, key: String?, movement: UUID? = nil) async throws -> Reply {
        try await api.send(.post, "/api/v1/nominations", token: token, json: [
            "roundID": world.round.lower, "movementID": (movement ?? world.movement).lower, "nominee": ["kind": "individual", "name": name]],
            headers: key.map { [Self.key: $0] } ?? [:])
    }

    func count(_ world: RecordsWorld, named name: String) async throws -> Int {
        try await world.superuser { connection in
            try await connection.query("""
                SELECT count(*)::int FROM thidua.nominations n JOIN thidua.nominees e ON e.id = n.nominee_id WHERE e.name = \(name)
                """).first!.decode(Int.self, at: 0)
        }
    }

    @Test("the same key and body give the first answer again, and one nomination; without a key two are made")
    func retriedCreateMakesOne() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            let first = try await create(api, world, token: clerk, name: "Lò Thị Một Lần", key: "k-1")
            #expect(first.status == .created, "\(first.text)")
            let again = try await create(api, world, token: clerk, name: "Lò Thị Một Lần", key: "k-1")
            #expect(again.status == .created && again.headers[HTTPField.Name("Idempotency-Replayed")!] == "true", "\(again.status) \(again.text)")
            #expect(try again.object()["id"] as? String == (try first.object()["id"] as? String))
            #expect(try await count(world, named: "Lò Thị Một Lần") == 1)

            _ = try await create(api, world, token: clerk, name: "Lò Thị Hai Lần", key: nil)
            _ = try await create(api, world, token: clerk, name: "Lò Thị Hai Lần", key: nil)
            #expect(try await count(world, named: "Lò Thị Hai Lần") == 2)
        }
    }

    @Test("the same key with another body is 422 and writes nothing; another user's same key is theirs")
    func reusedKeyIsRefused() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            #expect(try await create(api, world, token: clerk, name: "Vàng A Khóa", key: "k-2").status == .created)
            let other = try await create(api, world, token: clerk, name: "Vàng A Khác", key: "k-2")
            #expect(other.status == .unprocessableContent && other.errorCode == "idempotency_key_reused", "\(other.text)")
            #expect(try await count(world, named: "Vàng A Khác") == 0)
            let clerkB = try await api.signIn(.clerkB)
            #expect(try await create(api, world, token: clerkB, name: "Vàng A Khác", key: "k-2").status == .created, "keys are per user")
        }
    }

    @Test("a user's keys older than a day are deleted at their next claim (0023); another user's stay")
    func expiredKeysAreForgotten() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            let clerkB = try await api.signIn(.clerkB)
            #expect(try await create(api, world, token: clerk, name: "Giàng A Cũ", key: "k-old").status == .created)
            #expect(try await create(api, world, token: clerkB, name: "Giàng A Cũ Khác", key: "k-old-b").status == .created)
            let kept: () async throws -> [String] = {
                try await world.superuser { connection in
                    try await connection.query("SELECT key FROM thidua.idempotency_keys ORDER BY key").map { try $0.decode(String.self) }
                }
            }
            try await world.superuser { connection in
                try await connection.execute(script: "UPDATE thidua.idempotency_keys SET created_at = now() - interval '25 hours'")
            }
            #expect(try await create(api, world, token: clerk, name: "Giàng A Mới", key: "k-new").status == .created)
            #expect(try await kept() == ["k-new", "k-old-b"], "clerk A's day-old key is gone, clerk B's waits for B's next claim")
        }
    }

    @Test("a refused create keeps no key: the same key then goes through once the request is right")
    func refusalIsNotKept() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            // No such movement.
            let refused = try await create(api, world, token: clerk, name: "Sùng A Sai", key: "k-3", movement: UUID())
            #expect(!(200..<300).contains(refused.status.code))
            let right = try await create(api, world, token: clerk, name: "Sùng A Đúng", key: "k-3")
            #expect(right.status == .created, "\(right.text)")
        }
    }

    @Test("two sends of one create at once make one nomination; each answer is its first answer or 409 while it runs")
    func racingRetriesMakeOne() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let clerk = try await api.signIn(.clerkA)
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await create(api, world, token: clerk, name: "Giàng Thị Đồng Thời", key: "k-4") }
                }
                return try await group.reduce(into: [Reply]()) { $0.append($1) }
            }
            #expect(try await count(world, named: "Giàng Thị Đồng Thời") == 1)
            let ids = Set(try replies.filter { $0.status == .created }.map { try $0.object()["id"] as? String })
            #expect(ids.count == 1, "every 201 names the same nomination")
            #expect(replies.allSatisfy { $0.status == .created || ($0.status == .conflict && $0.errorCode == "idempotency_key_in_use") },
                    "\(replies.map { "\($0.status) \($0.text)" })")
        }
    }

    @Test("a key that is no key is 400")
    func badKey() async throws {
        try await APIWorld.run(verifier: false) { world, api in
            let reply = try await create(api, world, token: try await api.signIn(.clerkA), name: "A", key: String(repeating: "x", count: 201))
            #expect(reply.status == .badRequest && reply.errorCode == "invalid_idempotency_key")
        }
    }
}
