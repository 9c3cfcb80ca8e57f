import CLibPQ
import Foundation
import NIOPosix

/// One libpq connection.
///
/// libpq blocks, so every call runs on a thread of `threadPool`, never on Swift's cooperative pool.
/// A connection serves one caller at a time: ``PostgresPool`` hands it to one task at a time, and a
/// connection made with ``connect(to:)`` belongs to whoever made it. That is checked, not assumed: every
/// operation passes a ``ConnectionGate``, so a second operation while one runs is refused with
/// ``PostgresError/misuse(_:)`` and a close during a statement happens when the statement ends. The mutable
/// state below is touched only inside the gate, which is why the class can be `@unchecked Sendable`.
///
/// Parameterised statements are prepared on first use and the prepared statement is kept for the life
/// of the connection, so a statement that runs often is parsed and planned once.
public final class PostgresConnection: @unchecked Sendable {
    let handle: OpaquePointer
    let threadPool: NIOThreadPool
    /// Host, port, database and user, for messages. Never the password.
    public let target: String
    var preparedStatements: [StatementKey: String] = [:]
    var preparedStatementCount = 0
    /// Statements held back to travel with the next one (``sendAhead(_:)``).
    var ahead: [PostgresQuery] = []
    /// Times this connection waited for the server to answer: what holding statements back saves.
    var roundTrips = 0
    /// Inside ``withTransaction(isolation:readOnly:maxAttempts:_:)``, whose `COMMIT` sends what is held back.
    var transactionOpen = false
    private let gate = ConnectionGate()
    var closed: Bool { gate.isClosed }
    private var ownsThreadPool = false
    /// Cancels the running statement when the task that runs it is cancelled.
    let canceller: QueryCanceller
    static let preparedStatementLimit = 512

    private init(handle: OpaquePointer, threadPool: NIOThreadPool) {
        self.handle = handle
        self.threadPool = threadPool
        self.target = Self.describe(handle)
        self.canceller = QueryCanceller(handle)
        PQsetNoticeReceiver(handle, { _, _ in }, nil)
    }

    deinit {
        if gate.requestClose() { finish() }
        if ownsThreadPool { threadPool.shutdownGracefully { _ in } }
    }

    /// Connects with a `postgresql://` URL or a `key=value` connection string, as libpq accepts them.
    ///
    /// The session runs in UTC with UTF-8 text; a connection string can override `connect_timeout`
    /// (5 s by default, so an unreachable server fails fast) and `application_name`, and its `options` reach
    /// the server after thidua's own.
    ///
    /// A connection made here gets a thread of its own: a statement that waits on a lock must never hold
    /// the thread the lock holder needs to go on (``PostgresPool`` sizes its threads to its connections
    /// for the same reason).
    public static func connect(to connectionString: String) async throws -> PostgresConnection {
        let thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
        do {
            let connection = try await connect(to: connectionString, threadPool: thread)
            connection.ownsThreadPool = true
            return connection
        } catch {
            try? await thread.shutdownGracefully()
            throw error
        }
    }

    static func connect(
        to connectionString: String, limits: SessionLimits = .none, threadPool: NIOThreadPool
    ) async throws -> PostgresConnection {
        try await threadPool.runIfActive { try connectBlocking(to: connectionString, limits: limits, threadPool: threadPool) }
    }

    static func connectBlocking(to connectionString: String, limits: SessionLimits, threadPool: NIOThreadPool) throws -> PostgresConnection {
        // libpq takes the parameters in order and a later one wins: defaults before the connection string
        // (expanded in place of `dbname`), which may override them; after it what must hold — UTF-8, the
        // limits asked for, and `options` made of ours followed by the connection string's own, which a
        // plain `options` after `dbname` would silently replace.
        var options = ["-c TimeZone=UTC", "-c DateStyle=ISO"] + limits.serverOptions
        options += try parsedParameter("options", in: connectionString).map { [$0] } ?? []
        let settings: [(String, String)] = [
            ("connect_timeout", "5"),
            ("application_name", "thidua"),
            ("dbname", connectionString),
            ("client_encoding", "UTF8"),
        ] + limits.connectionParameters + [("options", options.joined(separator: " "))]
        let keywords = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer { (keywords + values).forEach { free($0) } }
        let keywordPointers = keywords.map { UnsafePointer($0) } + [nil]
        let valuePointers = values.map { UnsafePointer($0) } + [nil]
        guard let handle = PQconnectdbParams(keywordPointers, valuePointers, 1) else {
            throw PostgresError.connectionFailed(target: "(unknown)", message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let target = describe(handle)
            let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(handle)
            throw PostgresError.connectionFailed(target: target, message: message)
        }
        return PostgresConnection(handle: handle, threadPool: threadPool)
    }

    /// One parameter of a URL or `key=value` connection string, as libpq itself reads it (`nil` when absent).
    static func parsedParameter(_ keyword: String, in connectionString: String) throws -> String? {
        var failure: UnsafeMutablePointer<CChar>?
        guard let parsed = PQconninfoParse(connectionString, &failure) else {
            let message = failure.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "unreadable"
            if let failure { PQfreemem(failure) }
            throw PostgresError.connectionFailed(target: "(unparsed)", message: message)
        }
        defer { PQconninfoFree(parsed) }
        var option = parsed
        while let name = option.pointee.keyword {
            if String(cString: name) == keyword, let value = option.pointee.val {
                let text = String(cString: value)
                return text.isEmpty ? nil : text
            }
            option += 1
        }
        return nil
    }

    private static func describe(_ handle: OpaquePointer) -> String {
        func value(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            guard let pointer else { return "?" }
            let text = String(cString: pointer)
            return text.isEmpty ? "?" : text
        }
        return "host=\(value(PQhost(handle))) port=\(value(PQport(handle))) database=\(value(PQdb(handle))) user=\(value(PQuser(handle)))"
    }

    /// Runs a parameterised statement and returns its rows (in binary format, decoded on demand).
    @discardableResult
    public func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try await run { try $0.queryBlocking(query) }
    }

    /// Runs SQL text that may hold several statements and no parameters (migrations, `BEGIN`, `SET`).
    public func execute(script: String) async throws {
        try await run { connection in
            try connection.sendHeldBackBlocking()
            try connection.executeBlocking(script: script)
        }
    }

    /// Closes the connection; later calls fail with ``PostgresError/connectionLost(_:)``. Called while a
    /// statement runs, it closes when the statement ends.
    public func close() {
        guard gate.requestClose() else { return }
        finish()
    }

    private func finish() {
        canceller.invalidate()
        PQfinish(handle)
    }

    /// Runs a blocking libpq operation on the connection's thread pool. If the calling task is cancelled
    /// meanwhile, the server is asked to cancel the statement (it ends with SQLSTATE 57014) and the
    /// connection is not reused.
    func run<T: Sendable>(_ operation: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        switch gate.enter() {
        case .entered: break
        case .busy: throw PostgresError.misuse("a connection was used by two tasks at once; lease one per task from the pool")
        case .closed: throw PostgresError.connectionLost("the connection is closed")
        }
        defer { if gate.leave() { finish() } }
        return try await withTaskCancellationHandler {
            try await threadPool.runIfActive { [self] in try operation(self) }
        } onCancel: { [canceller] in
            canceller.cancelRunningStatement()
        }
    }
}
