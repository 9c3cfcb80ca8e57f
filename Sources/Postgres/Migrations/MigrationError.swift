/// Why the schema could not be brought up to date. Each names the file at fault.
public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An applied migration's file changed since it ran. Write a new migration instead of editing an old one.
    case modified(file: String, appliedChecksum: String, fileChecksum: String)
    /// The database ran a migration this build does not have: the binary is older than the database.
    case unknownApplied(version: String, name: String)
    case badFileName(String)
    case duplicateVersion(String, String)

    public var description: String {
        switch self {
        case .modified(let file, let applied, let current):
            "migration \(file) was changed after it was applied (applied sha256 \(applied.prefix(12))…, file now \(current.prefix(12))…); restore it and add a new migration instead"
        case .unknownApplied(let version, let name):
            "the database has migration \(version)_\(name).sql, which this version of thidua does not know; run a newer thidua"
        case .badFileName(let file):
            "\(file) is not named NNNN_name.sql"
        case .duplicateVersion(let first, let second):
            "\(first) and \(second) share a version number"
        }
    }
}
