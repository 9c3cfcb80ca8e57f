import Foundation

/// The session `thidua login` keeps for later commands: the server and the token, in a file only the user can
/// read (0600 in a 0700 folder). `THIDUA_SESSION_FILE` moves it; `THIDUA_TOKEN` and `--server` override it.
struct SavedSession: Codable {
    var server: String
    var token: String
    var username: String
    var expiresAt: Date

    static var file: URL {
        if let path = Environment.string("THIDUA_SESSION_FILE") { return URL(fileURLWithPath: path) }
        let config = Environment.string("XDG_CONFIG_HOME").map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        return config.appendingPathComponent("thidua/session.json")
    }

    static func load() -> SavedSession? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SavedSession.self, from: data)
    }

    func save() throws {
        let folder = Self.file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(self)
        // Created with 0600 before the token is written, so it is never readable by others, even briefly.
        _ = FileManager.default.createFile(atPath: Self.file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: Self.file.path)
        try data.write(to: Self.file)
    }

    static func remove() {
        try? FileManager.default.removeItem(at: file)
    }
}
