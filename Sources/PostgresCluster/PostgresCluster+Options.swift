extension PostgresCluster {
    /// How the server is started. They apply at each start; the data folder does not remember them.
    public struct Options: Sendable, Equatable {
        /// nil: Unix socket only (`listen_addresses=''`), and the port number is 5432, only used to name the socket
        /// file. 0: pick a free loopback port (bind 127.0.0.1:0, read it, close). Otherwise that port on 127.0.0.1.
        public var port: Int?
        /// false for tests: fsync=off, synchronous_commit=off, full_page_writes=off (and initdb --no-sync).
        /// Never for the demo: a crash could then corrupt the data.
        public var durable: Bool
        /// Extra `-c name=value` server settings, e.g. `["max_connections": "300"]`. They come last, so they
        /// override the settings above.
        public var settings: [String: String]

        public init(port: Int? = nil, durable: Bool = true, settings: [String: String] = [:]) {
            self.port = port
            self.durable = durable
            self.settings = settings
        }
    }
}
