import Foundation
import Postgres

/// Runs repository work in transactions that name the acting user to PostgreSQL.
///
/// Every write is one transaction: the actor, the capacity acted in, the action's name, the reason and the
/// request id are set transaction-locally first (so row-level security and the audit trigger see them, and
/// a pooled connection forgets them at commit), then the body runs, then the request's `Idempotency-Key` is
/// claimed when it has one. Database refusals come back as ``ThiduaError``s.
public struct RecordStore: Sendable {
    public let pool: PostgresPool
    /// A hot standby for reports and the audit trail's reading (``report(_:_:)``); `nil` reads them on `pool`.
    public let standby: StandbyReads?
    /// The key secret ballots are sealed and counted under (``SealedBallot``); `nil` takes no secret ballots.
    public let ballotKey: BallotKey?

    public init(pool: PostgresPool, standby: StandbyReads? = nil, ballotKey: BallotKey? = nil) {
        self.pool = pool
        self.standby = standby
        self.ballotKey = ballotKey
    }

    /// One write transaction as `actor` acting in `capacity`. When the capacity depends on what the
    /// transaction reads first, pass `nil` and call ``act(in:on:)`` before writing.
    func write<T>(
        _ actor: Actor, _ capacity: Capacity?, action: String, reason: String? = nil,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await pool.withTransaction { connection in
                Self.name(actor, capacity: capacity, action: action, reason: reason, on: connection)
                let result = try await body(connection)
                if let claim = actor.idempotency {
                    // In the change's own transaction: the change and its key commit together or not at all.
                    try await connection.query("""
                        SELECT thidua.claim_idempotency_key(\(claim.key), \(claim.route), \(claim.requestHash), \(actor.requestID ?? ""))
                        """)
                }
                return result
            }
        } catch let error as PostgresError {
            throw ThiduaError(error) ?? error
        }
    }

    /// One read-only transaction as `actor`: row-level security shows them what they may see.
    func read<T>(_ actor: Actor, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await pool.withTransaction(readOnly: true) { connection in
                Self.name(actor, capacity: nil, action: nil, reason: nil, on: connection)
                return try await body(connection)
            }
        } catch let error as PostgresError {
            throw ThiduaError(error) ?? error
        }
    }

    /// One read-only transaction as `actor` for reports and the audit trail: on the standby when there is one and
    /// it has replayed everything committed so far (the actor's own last write included), else as ``read(_:_:)``.
    func report<T>(_ actor: Actor, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard let standby else { return try await read(actor, body) }
        do {
            return try await standby.read(primary: pool) { connection in
                Self.name(actor, capacity: nil, action: nil, reason: nil, on: connection)
                return try await body(connection)
            }
        } catch let error as PostgresError {
            throw ThiduaError(error) ?? error
        }
    }

    /// Names the role (and delegator) the coming writes are made in. Sent with the next statement.
    static func act(in capacity: Capacity, on connection: PostgresConnection) {
        connection.sendAhead("""
            SELECT set_config('thidua.actor_role', \(capacity.role.rawValue), true),
                   set_config('thidua.on_behalf_of', \(capacity.onBehalfOf?.uuidString.lowercased() ?? ""), true)
            """)
    }

    /// Renames the action the coming writes are recorded under (a creation that also registers a nominee).
    static func relabel(action: String, on connection: PostgresConnection) {
        connection.sendAhead("SELECT set_config('thidua.action', \(action), true)")
    }

    /// Presents the actor's claim (0029: the database sets the actor from it) and the transaction-local settings
    /// the audit trigger reads. Sent with the transaction's first statement, as its `BEGIN` is.
    static func name(
        _ actor: Actor, capacity: Capacity?, action: String?, reason: String?, on connection: PostgresConnection
    ) {
        connection.sendAhead(identification(
            actor.claim, role: capacity?.role.rawValue, onBehalfOf: capacity?.onBehalfOf, action: action, reason: reason,
            requestID: actor.requestID))
    }

    /// The statement that makes `claim`'s user the transaction's actor, acting in `role` (and for `onBehalfOf`),
    /// recording `action`, `reason` and `requestID` with every audit event. The one place this is written.
    public static func identification(
        _ claim: ActorClaim, role: String?, onBehalfOf: UUID? = nil, action: String? = nil, reason: String? = nil,
        requestID: String? = nil
    ) -> PostgresQuery {
        let reason = reason.map(Text.normalized)
        let (token, named): (String?, UUID?) = switch claim {
        case .session(let token): (token.text, nil)
        case .superuser(let user): (nil, user)
        }
        return """
            SELECT CASE WHEN \(token)::text IS NULL THEN thidua.act_as(\(named)) ELSE thidua.present_session(\(token)) END,
                   set_config('thidua.actor_role', \(role ?? ""), true),
                   set_config('thidua.on_behalf_of', \(onBehalfOf?.uuidString.lowercased() ?? ""), true),
                   set_config('thidua.action', \(action ?? ""), true),
                   set_config('thidua.reason', \(reason ?? ""), true),
                   set_config('thidua.request_id', \(requestID ?? ""), true)
            """
    }
}
