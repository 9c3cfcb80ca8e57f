import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresCluster
import Testing
import ThiduaTesting

/// Runs the built `thidua` binary as a newcomer would: `thidua demo` in an empty folder.
@Suite(.serialized) struct DemoCommandTests {
    /// Starts `thidua demo`, waits for the address it prints, fetches /ready, then sends SIGTERM.
    private func runDemoOnce(data: String) async throws -> (health: String, exitCode: Int32, output: String) {
        let process = Process()
        process.executableURL = try BuiltCommand.url("thidua")
        process.arguments = ["demo", "--data", data, "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let reader = output.fileHandleForReading
        // 180 s, as the fault suite allows: a first start (initdb, 20 migrations, the demo) beside the whole
        // suite on two cores took more than a minute.
        let (started, address) = await Self.offThePool { () -> (String, String?) in
            var text = ""
            let deadline = Date().addingTimeInterval(180)
            while Date() < deadline, process.isRunning {
                text += String(decoding: reader.availableData, as: UTF8.self)
                if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
                    return (text, String(text[range]))
                }
            }
            return (text, nil)
        }
        guard let address else {
            process.terminate()
            Issue.record("thidua demo printed no address: \(started)")
            return ("", -1, started)
        }
        let (body, _) = try await URLSession.shared.data(from: URL(string: address + "/ready")!)
        kill(process.processIdentifier, SIGTERM)
        let rest = await Self.offThePool { () -> Data in
            let rest = reader.readDataToEndOfFile()
            process.waitUntilExit()
            return rest
        }
        return (String(decoding: body, as: UTF8.self), process.terminationStatus, started + String(decoding: rest, as: UTF8.self))
    }

    /// Blocking reads and waits run on a thread of their own: on Swift's cooperative pool (two threads here) a
    /// minute of waiting for the demo would hold half the threads every other test of the process runs on.
    private static func offThePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    /// The demo accounts block: the note, the shared password and one line per kind of role with its unit,
    /// all printed before the server's address.
    private func expectAccountsBeforeTheAddress(in output: String) {
        guard let address = output.range(of: "is running at") else {
            Issue.record("no address in \(output)")
            return
        }
        let before = output[..<address.lowerBound]
        #expect(before.contains("CHỈ DÙNG THỬ") && before.contains("DEMO ONLY"), "\(output)")
        #expect(before.contains("shared password: thidua-demo"))
        for (username, unit) in [
            ("sinchai.canbo", "UBND xã Sín Chải"), ("sinchai.chutich", "UBND xã Sín Chải"),
            ("hoinongdan.thutruong", "Hội Nông dân huyện"), ("noivu.thuky", "Phòng Nội vụ"),
            ("noivu.chuyenvien", "Phòng Nội vụ"), ("hoidong.tv1", "Hội đồng Thi đua"), ("chutich.huyen", "Hội đồng Thi đua"),
            ("thanhtra", "Hội đồng Thi đua"), ("quantri", "Hội đồng Thi đua"),
        ] {
            #expect(before.split(separator: "\n").contains { $0.contains(" \(username) ") && $0.contains(unit) }, "\(username)")
        }
    }

    @Test func demoOnAnEmptyFolderServesHealthStopsCleanlyAndReusesItsData() async throws {
        let data = NSTemporaryDirectory() + "thidua-demo-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: data) }

        let first = try await runDemoOnce(data: data)
        #expect(first.health.contains("\"status\":\"ok\""), "\(first.output)")
        #expect(first.exitCode == 0, "\(first.output)")
        #expect(first.output.contains("0001_roles_and_extensions.sql"))
        #expect(first.output.contains("Nạp dữ liệu minh họa / loading the demo data"), "\(first.output)")
        #expect(first.output.contains(#/Đã tạo / created [34][0-9] hồ sơ đề nghị/#), "\(first.output)")
        expectAccountsBeforeTheAddress(in: first.output)
        #expect(try PostgresCluster(directory: data).status() == .stopped)

        let second = try await runDemoOnce(data: data)
        #expect(second.health.contains("\"status\":\"ok\""))
        #expect(second.exitCode == 0)
        #expect(!second.output.contains("Khởi tạo cơ sở dữ liệu riêng"), "the second run reuses the data")
        #expect(second.output.contains("schema is current"))
        #expect(!second.output.contains("Nạp dữ liệu minh họa"), "the second run does not load again: \(second.output)")
        #expect(second.output.contains("demo data not loaded again"))
        expectAccountsBeforeTheAddress(in: second.output)
        #expect(try PostgresCluster(directory: data).status() == .stopped)
    }
}
