import Foundation

/// A connection string that logs in as it says but then acts as another role (libpq `options=-c role=…`),
/// so that a DATABASE_URL's superuser can write as the application role, under row-level security, without
/// that role's password.
enum ConnectionRole {
    static func acting(as role: String, _ connectionString: String) -> String {
        let options = "-c role=\(role) -c search_path=thidua,public"
        if connectionString.hasPrefix("postgresql://") || connectionString.hasPrefix("postgres://") {
            let encoded = options.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            return connectionString + (connectionString.contains("?") ? "&" : "?") + "options=" + encoded
        }
        return connectionString + " options='\(options)'"
    }
}
