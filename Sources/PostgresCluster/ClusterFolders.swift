import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders of a cluster: checking their names and creating them with the owner and modes PostgreSQL needs.
struct ClusterFolders {
    /// The longest socket file path we accept. Unix sockets allow 107 bytes on Linux and 103 on macOS; staying under
    /// 100 keeps a margin for both.
    static let socketPathLimit = 100
    /// The longest socket file name PostgreSQL uses in the folder: `.s.PGSQL.<port>` with a five-digit port.
    static let longestSocketName = "/.s.PGSQL.65535"

    let home: String
    let data: String
    let socket: String

    /// Whether `data` holds a PostgreSQL cluster: it has a `PG_VERSION` file, the same test pg_ctl makes. (A failed
    /// initdb empties the folder again, so a half-made cluster does not pass it.)
    var isInitialised: Bool {
        FileManager.default.fileExists(atPath: data + "/PG_VERSION")
    }

    /// Refuses paths PostgreSQL's tools would mangle, before anything is created.
    func validateNames() throws {
        // pg_ctl pastes the data folder and log path between double quotes into a /bin/sh command line, where these
        // characters keep a special meaning; a comma splits unix_socket_directories into two folders.
        let forbidden: Set<Character> = ["\"", "\\", "$", "`", ","]
        let isControl = { (character: Character) in
            character.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        if let bad = home.first(where: { forbidden.contains($0) || isControl($0) }) {
            throw PostgresClusterError.directoryNotUsable(
                path: home,
                reason: "the path contains \(bad.debugDescription), which PostgreSQL's tools cannot take in a "
                    + "folder name (pg_ctl passes paths through a shell); choose a folder without "
                    + "\" \\ $ ` , or control characters")
        }
        let socketPathLength = (socket + Self.longestSocketName).utf8.count
        if socketPathLength > Self.socketPathLimit {
            throw PostgresClusterError.directoryNotUsable(
                path: home,
                reason: "the server's socket file would be \(socket)\(Self.longestSocketName) "
                    + "(\(socketPathLength) bytes), "
                    + "longer than the \(Self.socketPathLimit) bytes a Unix socket path can safely have; "
                    + "choose a folder with a shorter path")
        }
    }

    /// Creates the folders that are missing and hands them to `account`.
    ///
    /// Missing parents are created with mode 0755; the cluster's own folders with 0700, since the data and the
    /// socket belong to the server user alone. When the server runs as another user, every parent must let it
    /// through (o+x), and existing folders are handed over only when empty or already its own — never an
    /// unrelated folder full of someone else's files.
    func prepare(for account: ServerAccount) throws {
        try validateNames()
        try createParents(of: home, account: account)
        try ensureFolder(home, account: account)
        try ensureFolder(data, account: account)
        try ensureFolder(socket, account: account)
    }

    private func createParents(of path: String, account: ServerAccount) throws {
        var ancestors: [String] = []
        var current = (path as NSString).deletingLastPathComponent
        while !current.isEmpty && current != "/" {
            ancestors.insert(current, at: 0)
            current = (current as NSString).deletingLastPathComponent
        }
        for ancestor in ancestors {
            var info = stat()
            if stat(ancestor, &info) != 0 {
                guard mkdir(ancestor, 0o755) == 0 || errno == EEXIST else {
                    throw PostgresClusterError.directoryNotUsable(
                        path: home, reason: "could not create the folder \(ancestor): \(Self.lastError())")
                }
                chmod(ancestor, 0o755)  // the umask may have taken o+x away
                guard stat(ancestor, &info) == 0 else { continue }
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw PostgresClusterError.directoryNotUsable(path: home, reason: "\(ancestor) is not a folder")
            }
            if account.isOtherUser && !Self.traversable(info, by: account) {
                throw PostgresClusterError.directoryNotUsable(
                    path: home,
                    reason: "PostgreSQL runs as the system user '\(account.runAs ?? "")' (it refuses root) and cannot "
                        + "get through the parent folder \(ancestor) (mode \(String(info.st_mode & 0o777, radix: 8)), "
                        + "owner uid \(info.st_uid)). Run `chmod o+x \(ancestor)` or choose a folder under /tmp "
                        + "or /var/lib")
            }
        }
    }

    private func ensureFolder(_ path: String, account: ServerAccount) throws {
        var info = stat()
        if stat(path, &info) != 0 {
            guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
                throw PostgresClusterError.directoryNotUsable(
                    path: home, reason: "could not create the folder \(path): \(Self.lastError())")
            }
            guard stat(path, &info) == 0 else {
                throw PostgresClusterError.directoryNotUsable(
                    path: home, reason: "\(path) vanished while being created")
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw PostgresClusterError.directoryNotUsable(path: home, reason: "\(path) exists and is not a folder")
        }
        guard account.isOtherUser, info.st_uid != account.uid else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard contents.isEmpty else {
            throw PostgresClusterError.directoryNotUsable(
                path: home,
                reason: "\(path) is not empty and belongs to uid \(info.st_uid), not to '\(account.runAs ?? "")' who "
                    + "runs PostgreSQL; use a new folder, or `chown -R \(account.runAs ?? "") \(path)` if it is "
                    + "a cluster")
        }
        guard chown(path, account.uid, account.gid) == 0, chmod(path, 0o700) == 0 else {
            throw PostgresClusterError.directoryNotUsable(
                path: home, reason: "could not hand \(path) over to '\(account.runAs ?? "")': \(Self.lastError())")
        }
    }

    private static func traversable(_ info: stat, by account: ServerAccount) -> Bool {
        if info.st_uid == account.uid { return info.st_mode & S_IXUSR != 0 }
        if info.st_gid == account.gid { return info.st_mode & S_IXGRP != 0 }
        return info.st_mode & S_IXOTH != 0
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
