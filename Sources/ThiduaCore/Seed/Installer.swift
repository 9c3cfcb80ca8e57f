import Foundation
import Postgres

/// What a real deployment needs before anyone can sign in, done on the owner's (a superuser's) connection as the
/// installer: the district's catalogue, and the first administrator — the one account no administrator can make,
/// since `admin` is granted by the installer only (0015).
///
/// ```swift
/// let installer = Installer(superuser: connection)
/// _ = try await installer.loadCatalogueIfEmpty()
/// _ = try await installer.createAdministrator(unitCode: "hoi-dong-tdkt", username: "quantri", fullName: "Đào Minh Khôi", password: secret)
/// ```
public struct Installer: Sendable {
    let connection: PostgresConnection

    public init(superuser connection: PostgresConnection) {
        self.connection = connection
    }

    /// Loads the Tủa Chùa catalogue unless the database already holds an area; true when it was loaded.
    public func loadCatalogueIfEmpty() async throws -> Bool {
        let areas = try await connection.query("SELECT count(*) FROM thidua.areas").single()!.decode(Int.self, at: 0)
        guard areas == 0 else { return false }
        try await DataSet.load([.tuaChuaCatalogue], superuser: connection)
        return true
    }

    /// Creates an administrator of the unit with `unitCode` (in `areaID`, needed only when several areas have
    /// such a unit) and grants it `admin`, in one transaction with their audit events.
    public func createAdministrator(
        unitCode: String, areaID: String? = nil, username: String, fullName: String, password: String
    ) async throws -> UUID {
        let account = try NewAccount(username: username, fullName: fullName, password: password)
        return try await connection.withTransaction { connection in
            try await DataSet.actAsInstaller(action: "install.administrator", on: connection)
            let units = try await connection.query("""
                SELECT id FROM thidua.units WHERE code = \(unitCode) AND (\(areaID)::text IS NULL OR area_id = \(areaID))
                """).map { try $0.decode(UUID.self, at: 0) }
            guard let unit = units.first else { throw ThiduaError.notFound("đơn vị / unit \(unitCode)") }
            guard units.count == 1 else {
                throw ThiduaError.invalid(field: "area", vietnamese: "Nhiều địa bàn có đơn vị \(unitCode): hãy chỉ rõ địa bàn.",
                                          english: "Several areas have a unit \(unitCode): name the area.")
            }
            let taken = try await connection.query("SELECT count(*) FROM thidua.users WHERE username = \(account.username)")
                .single()!.decode(Int.self, at: 0)
            guard taken == 0 else { throw ThiduaError.duplicate(field: "username") }
            let user = try await account.insert(into: unit, on: connection)
            _ = try await connection.query("INSERT INTO thidua.role_grants (user_id, role) VALUES (\(user), 'admin')")
            return user
        }
    }

    /// Resets the password of the account `username` with a reason, as the installer (0030: the one way for an
    /// account whose password no administrator may reset — a unit's head, the secretariat, the council, the
    /// chairman, an auditor, an administrator). Audited with the reason, never the hash; its sessions end.
    public func resetPassword(username: String, to password: String, reason: String) async throws {
        guard let reason = Text.cleaned(reason) else {
            throw ThiduaError.invalid(field: "reason", vietnamese: "Phải nêu lý do đặt lại mật khẩu.", english: "A password reset needs a reason.")
        }
        try await connection.withTransaction { connection in
            _ = try await connection.query(RecordStore.identification(
                .superuser(DataSet.installerID), role: "installer", action: "install.reset_password", reason: reason))
            guard let user = try await connection.query("SELECT id FROM thidua.users WHERE username = \(username.lowercased())")
                .single()?.decode(UUID.self, at: 0) else { throw ThiduaError.notFound("người dùng / user \(username)") }
            _ = try await connection.query("SELECT thidua.reset_password(\(user), \(Text.normalized(password)), \(reason))")
        }
    }
}
