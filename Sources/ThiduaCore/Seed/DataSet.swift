import Foundation
import Postgres
import ThiduaSchema

/// A data set in `sql/seed/`, loaded by the installer: the catalogue a deployment starts with, or the demo
/// people who bring it to life. Loading is one transaction as the installer (a superuser session, nil actor,
/// role "installer"), so every row it writes has its audit event.
///
/// ```swift
/// try await DataSet.load([.tuaChuaCatalogue, .tuaChuaDemoUsers], superuser: connection)
/// ```
public enum DataSet: String, Sendable, CaseIterable {
    /// Huyện Tủa Chùa's units, movements, lead units and the 2021 rounds (Kế hoạch 123/KH-UBND).
    case tuaChuaCatalogue = "tua-chua/catalogue.sql"
    /// Fictional users for every role, password `thidua-demo`. Never for a real deployment.
    case tuaChuaDemoUsers = "tua-chua/demo-users.sql"

    /// The installer's identity: the only actor allowed without a user, and only from a superuser session.
    public static let installerID = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    /// The password of every demo user.
    public static let demoPassword = "thidua-demo"

    /// Loads `sets` in order, in one transaction, over a superuser connection.
    public static func load(_ sets: [DataSet], superuser connection: PostgresConnection) async throws {
        let scripts = try sets.map { set in
            try String(contentsOf: ThiduaSchema.seedDirectory.appendingPathComponent(set.rawValue), encoding: .utf8)
        }
        try await connection.withTransaction { connection in
            try await actAsInstaller(action: "seed.load", on: connection)
            for script in scripts {
                try await connection.execute(script: script)
            }
        }
    }

    /// Names the installer as the actor of the current transaction.
    public static func actAsInstaller(action: String, on connection: PostgresConnection) async throws {
        _ = try await connection.query(RecordStore.identification(.superuser(installerID), role: "installer", action: action))
    }
}
