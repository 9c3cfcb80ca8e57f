/// The options the server is started with, as `postgres` command-line words.
///
/// They are given on every start rather than written to `postgresql.conf`, so the data folder stays a stock
/// initdb result and a test cluster and a demo cluster differ only in how they are started.
struct ServerArguments {
    var options: PostgresCluster.Options
    /// The port actually used: the fixed one, the one picked for port 0, or 5432 (socket only).
    var port: Int
    var socketDirectory: String

    var words: [String] {
        var words = ["-k", socketDirectory, "-p", String(port)]
        // No TCP at all unless a port was asked for; then only loopback, never the network.
        words += setting("listen_addresses", options.port == nil ? "" : "127.0.0.1")
        // The demo's socket is for the owner (and root) alone; the tests' is open, their folder is private anyway.
        words += setting("unix_socket_permissions", options.durable ? "0700" : "0777")
        if !options.durable {
            // Throwaway test data: no waiting for the disk. Never for data anyone keeps.
            words += setting("fsync", "off")
            words += setting("synchronous_commit", "off")
            words += setting("full_page_writes", "off")
        }
        // Last, so that they win over the settings above (for a repeated -c the last one counts).
        for name in options.settings.keys.sorted() {
            words += setting(name, options.settings[name] ?? "")
        }
        return words
    }

    /// The string for `pg_ctl -o`, which goes through `/bin/sh`: every word quoted.
    var pgCtlOptions: String {
        ShellQuoting.join(words)
    }

    private func setting(_ name: String, _ value: String) -> [String] {
        ["-c", "\(name)=\(value)"]
    }
}
