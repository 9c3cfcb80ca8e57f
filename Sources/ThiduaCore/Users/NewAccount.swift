import Foundation
import Postgres

/// A user account about to be made, checked the one way every account is made: by an administrator through
/// ``UserRepository/create(unitID:username:fullName:password:by:)``, or by the installer's first administrator
/// (``Installer/createAdministrator(unitCode:username:fullName:password:)``).
struct NewAccount {
    let username: String
    let fullName: String
    let password: String

    init(username: String, fullName: String, password: String) throws {
        let username = username.lowercased()
        guard username.wholeMatch(of: /[a-z0-9._-]{3,64}/) != nil else {
            throw ThiduaError.invalid(field: "username", vietnamese: "Tên đăng nhập gồm 3–64 ký tự a–z, 0–9, dấu chấm, gạch.",
                                      english: "A username is 3–64 characters of a–z, 0–9, '.', '_' or '-'.")
        }
        guard let fullName = Text.cleaned(fullName) else {
            throw ThiduaError.invalid(field: "fullName", vietnamese: "Phải có họ và tên.", english: "The full name is required.")
        }
        guard password.count >= 10 else {
            throw ThiduaError.invalid(field: "password", vietnamese: "Mật khẩu phải có ít nhất 10 ký tự.",
                                      english: "A password has at least 10 characters.")
        }
        self.username = username
        self.fullName = fullName
        // NFC, the form sign-in and a password change compare (0027), so the account opens however the
        // keyboard composed its letters.
        self.password = Text.normalized(password)
    }

    /// Inserts the account into `unitID` in the caller's transaction, which has named its actor; the password is
    /// hashed by PostgreSQL with bcrypt.
    func insert(into unitID: UUID, on connection: PostgresConnection) async throws -> UUID {
        let rows = try await connection.query("""
            INSERT INTO thidua.users (unit_id, username, full_name, password_hash)
            VALUES (\(unitID), \(username), \(fullName), public.crypt(\(password), public.gen_salt('bf', 10)))
            RETURNING id
            """)
        return try rows.single()!.decode(UUID.self, at: 0)
    }
}
