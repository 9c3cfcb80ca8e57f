import Postgres
import ThiduaCore

/// One demo account for each kind of role, printed before the server starts so that a newcomer knows whom
/// to sign in as. Printed only when the database has these users (the demo data set), never for a real one.
enum DemoAccounts {
    struct Account {
        var role: String
        var username: String
    }

    static let accounts = [
        Account(role: "Cán bộ nhập liệu xã / commune clerk", username: "sinchai.canbo"),
        Account(role: "Chủ tịch UBND xã / commune head", username: "sinchai.chutich"),
        Account(role: "Thủ trưởng đơn vị chủ trì / lead unit head", username: "hoinongdan.thutruong"),
        Account(role: "Cán bộ lực lượng vũ trang / armed force clerk", username: "congan.canbo"),
        Account(role: "Cơ quan Thường trực / secretariat", username: "noivu.thuky"),
        Account(role: "Cơ quan Thường trực / secretariat", username: "noivu.chuyenvien"),
        Account(role: "Thành viên Hội đồng / council member", username: "hoidong.tv1"),
        Account(role: "Chủ tịch UBND huyện / chairman", username: "chutich.huyen"),
        Account(role: "Thanh tra, kiểm tra / auditor", username: "thanhtra"),
        Account(role: "Quản trị hệ thống / administrator", username: "quantri"),
    ]

    /// Prints the accounts with their units, read over a superuser connection.
    static func show(from connection: PostgresConnection) async throws {
        let rows = try await connection.query("""
            SELECT u.username, n.name FROM thidua.users u JOIN thidua.units n ON n.id = u.unit_id
            WHERE u.username = ANY (\(accounts.map(\.username))) AND u.active
            """)
        var units: [String: String] = [:]
        for row in rows { units[try row.decode(String.self, at: 0)] = try row.decode(String.self, at: 1) }
        guard units.count == accounts.count else { return }
        let roleWidth = accounts.map(\.role.count).max()!
        let usernameWidth = max(accounts.map(\.username.count).max()!, 24)
        var lines = [
            "",
            "Tài khoản dùng thử / demo accounts — CHỈ DÙNG THỬ, không dùng cho dữ liệu thật / DEMO ONLY, never for real records",
            "Mật khẩu chung / shared password: \(DataSet.demoPassword)",
            "  " + padded("Vai trò / role", roleWidth) + "  " + padded("Tên đăng nhập / username", usernameWidth) + "  Đơn vị / unit",
        ]
        for account in accounts {
            lines.append("  " + padded(account.role, roleWidth) + "  " + padded(account.username, usernameWidth) + "  " + units[account.username]!)
        }
        lines.append("")
        Console.line(lines.joined(separator: "\n"))
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
