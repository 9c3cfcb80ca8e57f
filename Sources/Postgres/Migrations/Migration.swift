import Foundation

/// One SQL migration file, `NNNN_what_it_does.sql`.
public struct Migration: Sendable, Equatable {
    /// The four-digit prefix; migrations apply in this order.
    public var version: String
    public var name: String
    public var sql: String

    public init(version: String, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    public var fileName: String { "\(version)_\(name).sql" }

    /// Reads every `NNNN_name.sql` file of a folder, in version order.
    public static func load(from directory: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var migrations: [Migration] = []
        for file in files {
            let stem = file.dropLast(4)
            let parts = stem.split(separator: "_", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) else {
                throw MigrationError.badFileName(file)
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            migrations.append(Migration(version: String(parts[0]), name: String(parts[1]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(previous.fileName, next.fileName)
        }
        return migrations
    }
}
