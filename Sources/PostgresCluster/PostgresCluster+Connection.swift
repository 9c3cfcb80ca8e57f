import Foundation

extension PostgresCluster {
    /// A libpq keyword/value connection string for the Unix socket:
    /// `host='<socketDirectory>' port=<port> dbname='<database>' user='<user>'`.
    ///
    /// Reads the running server's port; a stopped cluster gets the port it will use, which is unknown (and
    /// throws ``PostgresClusterError/notRunning(directory:)``) only for a cluster started on a free port.
    public func connectionString(database: String = "postgres", user: String = superuser) throws -> String {
        let (socket, port) = try socketAndPort()
        return "host=\(Self.conninfoQuoted(socket)) port=\(port) dbname=\(Self.conninfoQuoted(database)) "
            + "user=\(Self.conninfoQuoted(user))"
    }

    /// The same as a URL: `postgresql://user@/database?host=<percent-encoded socket folder>&port=N`.
    public func connectionURL(database: String = "postgres", user: String = superuser) throws -> String {
        let (socket, port) = try socketAndPort()
        return "postgresql://\(Self.percentEncoded(user))@/\(Self.percentEncoded(database))"
            + "?host=\(Self.percentEncoded(socket))&port=\(port)"
    }

    /// A value in single quotes with `\` and `'` backslash-escaped: libpq's rule, safe for any value.
    static func conninfoQuoted(_ value: String) -> String {
        var quoted = "'"
        for character in value {
            if character == "\\" || character == "'" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "'"
    }

    /// Everything but RFC 3986's unreserved characters percent-encoded, so `/` in the socket path cannot be read
    /// as part of the URL's path.
    static func percentEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                encoded.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return encoded
    }

    private func socketAndPort() throws -> (socket: String, port: Int) {
        if case .running(let running) = try status() { return (running.socketDirectory, running.port) }
        switch options.port {
        case nil: return (socketDirectory, Self.defaultPort)
        case 0?: throw PostgresClusterError.notRunning(directory: directory)
        case let port?: return (socketDirectory, port)
        }
    }
}
