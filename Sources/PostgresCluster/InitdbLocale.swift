import Foundation
import Logging

/// The locale settings initdb gives a new cluster, best first.
///
/// thidua's data is Vietnamese, so the database's default collation should sort it the Vietnamese way
/// (a < ă < â < b, d < đ < e): ICU's `vi-VN`, which PostgreSQL 15 can make the default
/// (`--locale-provider=icu --icu-locale=vi-VN`). `--locale=C.UTF-8` still sets the libc categories (character
/// classes, messages), and C.UTF-8 exists everywhere without generated locales.
///
/// A PostgreSQL built without ICU, or older than 15, rejects the first choice; the cluster is then created with
/// plain C.UTF-8 (code-point order) rather than not at all, and a warning says so.
struct InitdbLocale: Sendable {
    var arguments: [String]
    var summary: String

    static let choices = [
        InitdbLocale(
            arguments: ["--locale-provider=icu", "--icu-locale=vi-VN", "--locale=C.UTF-8"],
            summary: "ICU vi-VN (Vietnamese order)"),
        InitdbLocale(
            arguments: ["--locale=C.UTF-8"],
            summary: "C.UTF-8 (code-point order, ICU unavailable)"),
    ]

    /// Whether initdb's complaint is about the locale (so the next choice may work), rather than about something
    /// no locale fixes, like permissions. Only its error lines count: the rest of its output always names the
    /// locale it was about to use.
    static func isLocaleProblem(_ output: String) -> Bool {
        output.split(separator: "\n").contains { line in
            let lowered = line.lowercased()
            let isError = lowered.contains("error") || lowered.contains("unrecognized option")
                || lowered.contains("invalid option") || lowered.contains("illegal option")
            return isError && (lowered.contains("icu") || lowered.contains("locale"))
        }
    }
}

extension PostgresCluster {
    func runInitdb(account: ServerAccount, binaries: PostgresBinaries) throws {
        let common = ["-D", dataDirectory, "-U", Self.superuser, "-E", "UTF8",
                      "--auth-local=trust", "--auth-host=scram-sha-256"]
            + (options.durable ? [] : ["--no-sync"])
        var failure: PostgresClusterError?
        for (index, locale) in InitdbLocale.choices.enumerated() {
            if index > 0 {
                logger.warning("initdb refused \(InitdbLocale.choices[index - 1].summary); trying \(locale.summary)")
                try emptyDataDirectory()
            }
            let command = try account.command(binaries.initdb, common + locale.arguments, workingDirectory: directory)
            logger.debug("creating the cluster: \(command)")
            let outcome = try command.run()
            if outcome.succeeded { return }
            failure = .commandFailed(
                command: command.description, exitCode: outcome.exitCode, output: outcome.output, logTail: "")
            if !InitdbLocale.isLocaleProblem(outcome.output) { break }
        }
        throw failure ?? .directoryNotUsable(path: dataDirectory, reason: "initdb was not run")
    }

    /// initdb empties a folder it did not create when it fails; this makes sure before the next try.
    private func emptyDataDirectory() throws {
        let fileManager = FileManager.default
        for name in (try? fileManager.contentsOfDirectory(atPath: dataDirectory)) ?? [] {
            try fileManager.removeItem(atPath: dataDirectory + "/" + name)
        }
    }
}
