import Foundation

/// Turns a .docx into a PDF with LibreOffice (`soffice --headless --convert-to pdf`), when it is installed: the
/// Word file never depends on it. The conversion runs as a child process in a folder of its own, waited for
/// without blocking a thread, and is stopped after `timeout`.
public struct PDFConverter: Sendable {
    public enum Failure: Error, Sendable, Equatable {
        /// No `soffice` or `libreoffice` on the PATH.
        case unavailable
        case failed(status: Int32)
        case timedOut
    }

    public let executable: URL
    public let timeout: Duration

    /// The converter of this machine, or `nil` when LibreOffice is not installed.
    public static func installed(timeout: Duration = .seconds(60)) -> PDFConverter? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFConverter(executable: candidate, timeout: timeout) }
            }
        }
        return nil
    }

    public func pdf(fromDOCX docx: Data) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("quyet-dinh.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = executable
        // A profile of its own: a second LibreOffice sharing the user's profile would wait on its lock.
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", folder.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let (ended, ending) = AsyncStream<Process.TerminationReason>.makeStream()
        process.terminationHandler = { finished in
            ending.yield(finished.terminationReason)
            ending.finish()
        }
        try process.run()
        let pid = process.processIdentifier
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            kill(pid, SIGTERM)
        }
        defer { watchdog.cancel() }
        var reason = Process.TerminationReason.exit
        for await finished in ended { reason = finished }
        guard reason == .exit else { throw Failure.timedOut }
        guard process.terminationStatus == 0 else { throw Failure.failed(status: process.terminationStatus) }
        return try Data(contentsOf: folder.appendingPathComponent("quyet-dinh.pdf"))
    }
}
