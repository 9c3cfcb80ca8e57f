import ArgumentParser
import Foundation
import ThiduaCore

/// The file a server keeps its ballot key in (0033): 64 hexadecimal digits, readable by the server's user alone.
/// The key seals secret ballots, so it lives apart from the database and its backups; every instance serving one
/// database reads the same file.
enum BallotKeyFile {
    /// The key in `path`. When `creating`, a missing file is made with a new key (the private database's folder,
    /// where the demo and `thidua serve` keep theirs); a named file that is missing or holds no key is an error.
    static func load(_ path: String, creating: Bool) throws -> BallotKey {
        if !FileManager.default.fileExists(atPath: path), creating {
            let key = BallotKey.random()
            guard FileManager.default.createFile(
                atPath: path, contents: Data(key.fileContents.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("Không tạo được tệp khóa phiếu kín / could not create the ballot key file \(path)")
            }
            return key
        }
        guard let contents = FileManager.default.contents(atPath: path), let key = BallotKey(fileContents: String(decoding: contents, as: UTF8.self)) else {
            throw ValidationError(
                "Tệp khóa phiếu kín không đọc được hoặc không đúng dạng (64 chữ số hex) / the ballot key file \(path) is missing or not 64 hexadecimal digits")
        }
        return key
    }
}
