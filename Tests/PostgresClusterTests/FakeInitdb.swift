import Foundation
import PostgresCluster

/// A folder of PostgreSQL programs whose initdb behaves like one built without ICU, to prove the fallback.
enum FakeInitdb {
    /// Links the real programs into `folder`, except initdb: a script that rejects `--locale-provider` with the
    /// message a PostgreSQL built without ICU gives, and otherwise runs the real one.
    static func install(in folder: String, wrapping real: PostgresBinaries) throws {
        let fileManager = FileManager.default
        // As root the programs run as the postgres user, who must be able to get into the folder.
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
        for tool in PostgresBinaries.requiredTools where tool != "initdb" {
            try fileManager.createSymbolicLink(atPath: folder + "/" + tool, withDestinationPath: real.path(of: tool))
        }
        let script = """
            #!/bin/sh
            for argument in "$@"; do
              case "$argument" in
                --locale-provider=*) echo "initdb: error: ICU is not supported in this build" >&2; exit 1 ;;
              esac
            done
            exec '\(real.initdb)' "$@"

            """
        try script.write(toFile: folder + "/initdb", atomically: true, encoding: .utf8)
        try fileManager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/initdb")
    }
}
