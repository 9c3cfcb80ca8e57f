import Foundation
import Postgres

/// The answers kept for `Idempotency-Key`s (0020): what the first request with a key was and what it answered,
/// read by the actor who sent it, for a day.
public struct IdempotencyRepository: Sendable {
    public let store: RecordStore

    public init(store: RecordStore) {
        self.store = store
    }

    /// The first request with a key, and its answer once stored (`status` nil while it runs, or when the server
    /// stopped between its commit and storing the answer).
    public struct Record: Sendable, Equatable {
        public var route: String
        public var requestHash: String
        public var status: Int?
        public var contentType: String?
        public var body: Data?
    }

    public func record(for key: String, as actor: Actor) async throws -> Record? {
        try await store.read(actor) { connection in
            try await connection.query("""
                SELECT route, request_hash, status, content_type, body FROM thidua.idempotency_keys
                WHERE actor_id = \(actor.userID) AND key = \(key) AND created_at > now() - interval '1 day'
                """).first.map { row in
                let (route, hash, status, contentType, body) = try row.decode((String, String, Int?, String?, Data?).self)
                return Record(route: route, requestHash: hash, status: status, contentType: contentType, body: body)
            }
        }
    }

    /// Stores the answer of the request that claimed `key`, once.
    public func store(status: Int, contentType: String?, body: Data, for key: String, as actor: Actor) async throws {
        var actor = actor
        actor.idempotency = nil
        _ = try await store.write(actor, nil, action: "idempotency.answer") { connection in
            try await connection.query("""
                UPDATE thidua.idempotency_keys SET status = \(status), content_type = \(contentType), body = \(body)
                WHERE actor_id = \(actor.userID) AND key = \(key) AND status IS NULL
                """)
        }
    }
}
