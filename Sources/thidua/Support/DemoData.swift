import Postgres
import ThiduaCore
import ThiduaSchema

/// The Tủa Chùa demo data: the catalogue, its demo users, the demo nominations and the council's year-end
/// meeting with its decision, loaded once into a thidua
/// database that has no area yet; then the demo accounts, printed before the server starts.
enum DemoData {
    /// Loads the demo into an empty database and prints the accounts. `superuser` is a superuser connection
    /// (the data sets are written by the installer); `application` connects as the application role, through
    /// which the demo users make their nominations.
    static func prepare(superuser connection: PostgresConnection, application: String) async throws {
        let areas = try await connection.query("SELECT count(*) FROM thidua.areas").single()!.decode(Int.self, at: 0)
        if areas == 0 {
            Console.line("Nạp dữ liệu minh họa / loading the demo data (Tủa Chùa: danh mục, người dùng, hồ sơ / catalogue, users, nominations)…")
            try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: connection)
            let pool = PostgresPool(configuration: .init(connectionString: application, maximumConnections: 2))
            let summary: DemoNominations.Summary
            let meeting: DemoCommendations.Summary
            do {
                summary = try await DemoNominations.load(pool: pool, superuser: connection)
                meeting = try await DemoCommendations.load(pool: pool, superuser: connection)
            } catch {
                await pool.close()
                throw error
            }
            await pool.close()
            Console.line(describe(summary))
            Console.line(describe(meeting))
        } else {
            Console.line("Đã có dữ liệu, không nạp lại / the database has data already: demo data not loaded again")
        }
        try await DemoAccounts.show(from: connection)
    }

    /// The same for a DATABASE_URL: only a superuser can load the data sets, so anyone else is told why nothing
    /// was loaded. The nominations are made as the application role, switched to from the URL's login.
    static func prepare(url: String) async throws {
        let connection = try await PostgresConnection.connect(to: url)
        defer { connection.close() }
        let login = try await connection.query("SELECT current_user::text, current_setting('is_superuser') = 'on'").single()!
        let (user, isSuperuser) = try login.decode((String, Bool).self)
        guard isSuperuser else {
            Console.line("""
                Bỏ qua dữ liệu minh họa: “\(user)” không phải superuser / demo data skipped: "\(user)" is not a superuser, \
                and only a superuser session may load the data sets (as the installer)
                """)
            return
        }
        try await prepare(superuser: connection, application: ConnectionRole.acting(as: ThiduaSchema.applicationRole, url))
    }

    private static func describe(_ summary: DemoNominations.Summary) -> String {
        let states = NominationState.allCases.compactMap { state in
            summary.states[state].map { "\($0) \(state.vietnamese.lowercased()) / \(state.rawValue)" }
        }
        return "Đã tạo / created \(summary.nominations) hồ sơ đề nghị / nominations: \(states.joined(separator: ", ")); "
            + "\(summary.documents) tài liệu / documents; \(summary.deadlineExceptions) lần cho phép nộp sau hạn / deadline exceptions"
    }

    private static func describe(_ meeting: DemoCommendations.Summary) -> String {
        "Hội đồng đã xét / the council reviewed \(meeting.reviewed) hồ sơ / nominations: \(meeting.approved) nhất trí / approved, "
            + "\(meeting.rejected) không nhất trí / rejected; Quyết định / decision \(meeting.decisionSymbol): "
            + "\(meeting.commendations) khen thưởng / commendations; \(meeting.exemplars) mô hình được theo dõi / exemplars followed"
    }
}
