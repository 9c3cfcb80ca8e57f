import Foundation
import Synchronization

/// `concurrency` client threads, each with its own keep-alive connection, against the server child: either
/// the audited write path (unit k's clerk creates a draft, its head submits it, until the window closes) or
/// a route that touches no database (`GET /health`), the ceiling of the HTTP stack itself.
///
/// Threads, not tasks: the blocking sockets must not hold Swift's cooperative threads, and one thread per
/// connection is what wrk and pgbench (`-j`) do.
struct HTTPLoad {
    /// One unit's signed-in clerk and head and the JSON bodies of its drafts.
    struct Client: Sendable {
        var clerkToken: String
        var headToken: String
        var drafts: [[UInt8]]
    }

    enum Work: Sendable {
        case createAndSubmit([Client])
        case health
    }

    let port: Int

    /// Runs for `warmup + seconds`; counts what ends in the window. For `.health` a "transition" is a request.
    func run(_ work: Work, concurrency: Int, warmup: Double, seconds: Double) throws -> HTTPLoadResult {
        let window = MeasurementWindow(start: warmup, end: warmup + seconds)
        let clock = ContinuousClock()
        let origin = clock.now
        let results = Mutex(HTTPLoadResult())
        let done = DispatchGroup()
        for index in 0..<concurrency {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                var tally = HTTPLoadResult()
                do {
                    let connection = try RawHTTPClient(port: port)
                    while (clock.now - origin).seconds < window.end {
                        switch work {
                        case .health:
                            let began = (clock.now - origin).seconds
                            let reply = try connection.send("GET", "/health")
                            let ended = (clock.now - origin).seconds
                            tally.record(reply.status == 200, began: began, ended: ended, window: window, pair: false)
                        case .createAndSubmit(let clients):
                            try Self.createAndSubmit(clients[index % clients.count], on: connection, clock: clock, origin: origin,
                                                     window: window, into: &tally)
                        }
                    }
                } catch {
                    tally.load.failures += 1
                    tally.load.firstFailure = tally.load.firstFailure ?? "\(error)"
                }
                let finished = tally
                results.withLock { $0.merge(finished) }
            }
        }
        done.wait()
        var result = results.withLock { $0 }
        result.load.seconds = window.seconds
        return result
    }

    private static func createAndSubmit(
        _ client: Client, on connection: RawHTTPClient, clock: ContinuousClock, origin: ContinuousClock.Instant,
        window: MeasurementWindow, into tally: inout HTTPLoadResult
    ) throws {
        let began = (clock.now - origin).seconds
        let created = try connection.send("POST", "/api/v1/nominations", token: client.clerkToken, json: client.drafts.randomElement()!)
        let afterCreate = (clock.now - origin).seconds
        guard created.status == 201,
              let object = try? JSONSerialization.jsonObject(with: Data(created.body)) as? [String: Any],
              let id = object["id"] as? String else {
            tally.fail("create answered \(created.status): \(String(decoding: created.body.prefix(300), as: UTF8.self))")
            return
        }
        tally.requestLatencies.append((afterCreate - began) * 1000)
        let submitted = try connection.send(
            "POST", "/api/v1/nominations/\(id)/transitions", token: client.headToken, json: Array(#"{"event":"submit"}"#.utf8),
            headers: [("If-Match", "\"v1\"")])
        let ended = (clock.now - origin).seconds
        guard submitted.status == 200 else {
            tally.fail("submit answered \(submitted.status): \(String(decoding: submitted.body.prefix(300), as: UTF8.self))")
            return
        }
        tally.load.allTransitions += 2
        tally.load.transitions += (window.contains(afterCreate) ? 1 : 0) + (window.contains(ended) ? 1 : 0)
        if window.contains(ended) {
            tally.load.pairLatencies.append((ended - began) * 1000)
            tally.requestLatencies.append((ended - afterCreate) * 1000)
        }
    }
}

/// What one HTTP run achieved: the write path's figures as ``LoadResult`` (a transition per request of the
/// pair), plus the latency of every single request in the window, for p99.
struct HTTPLoadResult: Sendable {
    var load = LoadResult()
    var requestLatencies: [Double] = []

    func requestLatency(at fraction: Double) -> Double {
        var copy = load
        copy.pairLatencies = requestLatencies
        return copy.latency(at: fraction)
    }

    mutating func record(_ succeeded: Bool, began: Double, ended: Double, window: MeasurementWindow, pair: Bool) {
        guard succeeded else { return fail("a request failed") }
        load.allTransitions += 1
        if window.contains(ended) {
            load.transitions += 1
            requestLatencies.append((ended - began) * 1000)
        }
    }

    mutating func fail(_ why: String) {
        load.failures += 1
        load.firstFailure = load.firstFailure ?? why
    }

    mutating func merge(_ other: HTTPLoadResult) {
        load.merge(other.load)
        requestLatencies += other.requestLatencies
    }
}
