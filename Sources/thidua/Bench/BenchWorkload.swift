import Foundation
import Postgres
import PostgresCluster
import ThiduaCore
import ThiduaSchema

/// What both benchmarks drive: the communes and departments with their clerks, heads and drafts, and the
/// pgbench script made of the very statements one create and one submit sent.
enum BenchWorkload {
    /// Every commune and department with its clerk and head, loaded through the application's own pool.
    static func loadUnits(_ database: BenchDatabase) async throws -> [BenchUnit] {
        let pool = PostgresPool(configuration: .init(connectionString: database.application, maximumConnections: 2))
        do {
            let units = try await BenchUnit.loadAll(
                database: database, sessions: SessionRepository(store: RecordStore(pool: pool)), draftsPerUnit: 64)
            await pool.close()
            guard !units.isEmpty else { throw BenchFailure.missingCatalogue("commune or department with a clerk and a head") }
            let bytes = units.flatMap(\.drafts).map { Double($0.content.achievements.utf8.count) }
            Console.line("\(units.count) đơn vị / units (\(units.filter { $0.kind == .commune }.count) communes), "
                + String(format: "achievements %.0f bytes on average", bytes.reduce(0, +) / Double(bytes.count)))
            return units
        } catch {
            await pool.close()
            throw error
        }
    }

    /// Captures the statements `work` sends for one create and one submit by the first unit (from the first
    /// `thidua.session_actor` on, when `fromSessionLookup`: what a server does before that is not the
    /// request's work), and turns them into a pgbench script, with each unit's values (and `extraValues`) in
    /// ``PgbenchScript/unitTable`` and the rest as `-D` values. `work` returns the nomination and nominee ids.
    static func pgbenchScript(
        database: BenchDatabase, cluster: BenchCluster, units: [BenchUnit], fromSessionLookup: Bool = false,
        extraValues: (BenchUnit) async throws -> [(String, String)] = { _ in [] },
        work: @escaping (BenchUnit) async throws -> (nomination: UUID, nominee: UUID)
    ) async throws -> (PgbenchScript, [(String, String)]) {
        let unit = units[0]
        var made: (nomination: UUID, nominee: UUID)?
        var statements = try await StatementCapture(database: database, logFile: cluster.logFile).capture {
            made = try await work(unit)
        }
        if fromSessionLookup, let first = statements.firstIndex(where: { $0.sql.contains("thidua.session_actor") }) {
            statements.removeFirst(first)
        }
        guard let made else { throw BenchFailure.capture("the captured submission returned nothing") }
        let (roundID, areaID) = try await database.round()
        var known = try await (Self.unitValues(unit, database: database) + extraValues(unit)).reduce(into: [String: PgbenchScript.Slot]()) {
            $0[$1.1] = .unit($1.0)
        }
        known[Self.text(roundID)] = .shared("round")
        known[areaID] = .shared("area")
        known[Self.text(made.nomination)] = .returned("n_id")
        known[Self.text(made.nominee)] = .returned("nominee_id")
        known["1"] = .returned("n_version")
        let script = try PgbenchScript(captured: statements, known: known)

        let ahead = statements.map { PgbenchScript.travelsAhead($0.sql.trimmingCharacters(in: .whitespacesAndNewlines)) }
        Console.line("\nMột lần tạo và gửi / one create and one submit send \(statements.count) statements "
            + "in \(ahead.filter { !$0 }.count) round trips, those marked + travelling with the next (read back from the server log):")
        for (index, statement) in statements.enumerated() {
            let first = statement.sql.split(separator: "\n").first.map(String.init) ?? ""
            Console.line(String(format: "  %2d ", index + 1) + (ahead[index] ? "+ " : "  ") + first.trimmingCharacters(in: .whitespaces).prefix(110))
        }

        var rows: [[String: String]] = []
        for (index, unit) in units.enumerated() {
            var row = Dictionary(uniqueKeysWithValues: try await Self.unitValues(unit, database: database) + extraValues(unit))
            row["n"] = String(index)
            rows.append(row)
        }
        let columns = script.unitColumns.map { "\(PostgresQuery.quoted(identifier: $0)) text NOT NULL" }.joined(separator: ", ")
        try await database.asSuperuser { connection in
            try await connection.execute(script: """
                CREATE TABLE \(PgbenchScript.unitTable) (n integer PRIMARY KEY, \(columns));
                GRANT SELECT ON \(PgbenchScript.unitTable) TO \(ThiduaSchema.applicationRole)
                """)
            for row in rows {
                try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO \(PgbenchScript.unitTable) SELECT * FROM jsonb_populate_record(NULL::\(PgbenchScript.unitTable), $1)
                    """, bindings: Self.bindings(PostgresJSON(row))))
            }
        }
        return (script, [("round", Self.text(roundID)), ("area", areaID)] + script.constantDefinitions)
    }

    /// A unit's values as the server logs them, named as in the pgbench scripts; the draft is the unit's first.
    private static func unitValues(_ unit: BenchUnit, database: BenchDatabase) async throws -> [(String, String)] {
        let content = unit.drafts[0].content
        let (criteria, indicators) = try await database.asSuperuser { connection in
            try await connection.query("""
                SELECT \(PostgresJSON(content.criteriaAnswers))::text, \(PostgresJSON(content.indicators))::text
                """).first!.decode((String, String).self)
        }
        return [
            ("clerk", text(unit.clerk.userID)), ("head", text(unit.head.userID)), ("unit", text(unit.unitID)),
            ("clerk_token", token(unit.clerk)), ("head_token", token(unit.head)),
            ("movement", text(unit.movement.id)), ("kind", unit.nomineeKind.rawValue), ("name", content.nomineeName),
            ("title", content.title), ("achievements", content.achievements), ("criteria", criteria),
            ("indicators", indicators), ("next", unit.submittedState.rawValue),
        ]
    }

    private static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// The token of the session the actor acts through (each transaction presents it: 0029).
    private static func token(_ actor: Actor) -> String {
        guard case .session(let token) = actor.claim else { return "" }
        return token.text
    }

    private static func bindings(_ value: some PostgresEncodable) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(value)
        return bindings
    }
}
