import Foundation
import Postgres
import ThiduaCore

extension RecordsWorld {
    /// A second administrator of the council's unit, made by the installer (0015: one administrator never
    /// makes another, nor arms an account it has just created).
    public func secondAdministrator() async throws -> Actor {
        let id = try await asInstaller { connection in
            let id = try await connection.query("""
                INSERT INTO thidua.users (unit_id, username, full_name, password_hash)
                VALUES (\(council), 'admin2', 'Lương Văn Tám', crypt('mật khẩu thử', gen_salt('bf', 4))) RETURNING id
                """).single()!.decode(UUID.self, at: 0)
            _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role) VALUES (\(id), 'admin')")
            return id
        }
        return try await actor(userID: id)
    }
}
