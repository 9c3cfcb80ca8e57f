import Foundation

/// Runs a command this package builds (`thidua`), as a user would from a shell.
///
/// ```swift
/// let result = try BuiltCommand.run("thidua", ["audit", "verify"], environment: ["DATABASE_URL": url])
/// #expect(result.status == 0)
/// ```
public enum BuiltCommand {
    /// The built executable beside the test bundle.
    public static func url(_ name: String) throws -> URL {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile)
    }

    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    /// Runs to completion with `environment` added to this process's (DATABASE_URL removed unless given).
    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try url(name)
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.removeValue(forKey: "DATABASE_URL")
        merged.merge(environment) { $1 }
        process.environment = merged
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorData = Data(error.fileHandleForReading.readDataToEndOfFile())
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    /// ``run(_:_:environment:)`` on a thread of its own, so waiting for the child never holds one of the few
    /// threads of Swift's cooperative pool (a server in this process may need them to answer the child).
    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result { try run(name, arguments, environment: environment) as Result })
            }
        }
    }
}
