/// Where the server listens and what it expects of the schema.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The schema version this build was made for; `/health` reports whether the database has reached it.
    public var expectedSchemaVersion: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, expectedSchemaVersion: String? = nil) {
        self.host = host
        self.port = port
        self.expectedSchemaVersion = expectedSchemaVersion
    }
}
