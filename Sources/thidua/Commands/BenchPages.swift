import ArgumentParser
import Foundation

/// `thidua bench pages`: how long the web pages take to build and how much they weigh, against a running
/// server with the demo data (`thidua demo`), measured against `/health` in the same run.
struct BenchPages: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Đo tốc độ trang web / Time and weigh the main web pages of a running demo, against /health.",
        discussion: """
            Signs in over HTTP as demo accounts (password thidua-demo) and requests each main page of their role \
            --requests times on one keep-alive connection, one after another (the time a page takes to build, not \
            a load test); /health, which touches no database, is timed the same way in the same run as the \
            baseline. Prints each page's median and p99 in milliseconds, the ratio of its median to /health's, \
            and its weight with the stylesheet; then the verdict against issue 15's targets (median < 50 ms, \
            < 100 KB). Medians of --runs runs.

            Example:
              .build/release/thidua demo --port 8080 &
              .build/release/thidua bench pages --port 8080
            """)

    @Option(help: "Port of the running demo on 127.0.0.1.") var port = 8080
    @Option(help: "Requests per page and run.") var requests = 50
    @Option(help: "Runs; the report gives their medians.") var runs = 3

    /// A demo account and the pages of its role; `{nomination}` and the like are filled from the lists.
    static let cases: [(user: String, paths: [String])] = [
        ("laodong.thutruong", ["/duyet"]),
        ("sinchai.canbo", ["/", "/ho-so", "{nomination}", "/ho-so/moi", "/phong-trao", "/dot"]),
        ("noivu.thuky", ["/", "/ho-so", "/duyet", "/hoi-dong", "{session}", "/quyet-dinh", "{decision}", "/quyet-dinh/moi", "/hoi-dong/moi"]),
        ("hoidong.tv1", ["/", "{session}"]),
        ("chutich.huyen", ["/", "{decision}"]),
    ]

    func run() async throws {
        let health = try RawHTTPClient(port: port)
        let style = try health.send("GET", "/tai-nguyen/site.css").body.count
        var rows: [(String, String, [Double], [Double], Int)] = []
        var baseline: [Double] = []
        for _ in 0..<runs { baseline.append(try Self.median(of: time(health, "/health", cookie: nil).times)) }
        for (user, paths) in Self.cases {
            let client = try RawHTTPClient(port: port)
            let body = Array(#"{"username":"\#(user)","password":"thidua-demo"}"#.utf8)
            let reply = try client.send("POST", "/api/v1/sessions", json: body)
            guard reply.status == 201, let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any],
                  let token = object["token"] as? String else { throw ValidationError("could not sign in as \(user) (\(reply.status))") }
            let cookie = "thidua_session=\(token)"
            for template in paths {
                let path = try resolve(template, client: client, cookie: cookie)
                var medians: [Double] = [], tails: [Double] = []
                var size = 0
                for _ in 0..<runs {
                    let (times, bytes) = try time(client, path, cookie: cookie)
                    medians.append(Self.median(of: times))
                    tails.append(Self.percentile(times, 0.99))
                    size = bytes
                }
                rows.append((user, template, medians, tails, size + style))
            }
        }
        let base = Self.median(of: baseline)
        print("Trang / page".padding(toLength: 34, withPad: " ", startingAt: 0) + "  trung vị ms   p99 ms   ÷ /health   KB (kèm CSS)")
        print("/health (không dùng CSDL)".padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "  %10.2f", base))
        var slowest = 0.0, heaviest = 0
        for (user, template, medians, tails, size) in rows {
            let median = Self.median(of: medians)
            slowest = max(slowest, median)
            heaviest = max(heaviest, size)
            print("\(user) \(template)".padding(toLength: 34, withPad: " ", startingAt: 0)
                  + String(format: "  %10.2f %8.2f %11.1f %14.1f", median, Self.median(of: tails), median / base, Double(size) / 1024))
        }
        let fast = slowest < 50 ? "đạt" : "chưa đạt", light = heaviest < 100 * 1024 ? "đạt" : "chưa đạt"
        print(String(format: "Chậm nhất / slowest median %.2f ms", slowest) + " (mục tiêu < 50 ms: \(fast)); "
              + String(format: "nặng nhất / heaviest %.1f KB", Double(heaviest) / 1024) + " (mục tiêu < 100 KB: \(light))")
    }

    /// A page's path with `{nomination}`, `{session}` or `{decision}` replaced by the first the user's list links to.
    private func resolve(_ template: String, client: RawHTTPClient, cookie: String) throws -> String {
        let lists = ["{nomination}": ("/ho-so", "/ho-so/"), "{session}": ("/hoi-dong", "/hoi-dong/"), "{decision}": ("/quyet-dinh", "/quyet-dinh/")]
        guard let (list, prefix) = lists[template] else { return template }
        let page = String(decoding: try client.send("GET", list, headers: [("Cookie", cookie)]).body, as: UTF8.self)
        let pattern = try Regex("href=\"(\(prefix)[0-9a-f-]{36})\"")
        guard let match = page.firstMatch(of: pattern), let path = match.output[1].substring else {
            throw ValidationError("no link to a \(prefix)… on \(list)")
        }
        return String(path)
    }

    private func time(_ client: RawHTTPClient, _ path: String, cookie: String?) throws -> (times: [Double], bytes: Int) {
        var times: [Double] = []
        var bytes = 0
        let clock = ContinuousClock()
        _ = try client.send("GET", path, headers: cookie.map { [("Cookie", $0)] } ?? [])
        for _ in 0..<requests {
            let start = clock.now
            let reply = try client.send("GET", path, headers: cookie.map { [("Cookie", $0)] } ?? [])
            times.append((clock.now - start).seconds * 1000)
            guard reply.status == 200 else { throw ValidationError("\(path) answered \(reply.status)") }
            bytes = reply.body.count
        }
        return (times, bytes)
    }

    static func median(of values: [Double]) -> Double { percentile(values, 0.5) }

    static func percentile(_ values: [Double], _ share: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * share).rounded()))]
    }
}
