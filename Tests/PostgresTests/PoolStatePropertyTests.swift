import Foundation
import Testing
@testable import Postgres

/// Thousands of random orders of the pool's events, each through ``PoolModel``, which checks after every step
/// that the count is exact, the maximum holds and nobody is stranded; at the end every waiter has been served
/// or failed, and after close and all returns nothing is left.
///
/// The runs are seeded: a failure prints its seed, and `THIDUA_POOL_SEED=<seed> swift test --filter
/// PoolStatePropertyTests` replays that one run.
@Suite struct PoolStatePropertyTests {
    static let runs = 5000

    @Test func everyOrderOfEventsKeepsAnExactCount() {
        let seeds: [UInt64] = ProcessInfo.processInfo.environment["THIDUA_POOL_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? (1...UInt64(Self.runs)).map { $0 &* 0x2545_F491_4F6C_DD1D }
        var steps = 0
        for seed in seeds {
            let (problem, taken) = Self.run(seed: seed)
            steps += taken
            if let problem {
                Issue.record("seed \(seed): \(problem)")
                return
            }
        }
        print("PoolStatePropertyTests: \(seeds.count) random sequences, \(steps) events, no violation")
    }

    /// One random sequence, then the end: the first problem found, if any, and the number of events.
    static func run(seed: UInt64) -> (problem: String?, steps: Int) {
        var random = SeededGenerator(seed: seed)
        var model = PoolModel(maximumConnections: Int.random(in: 1...6, using: &random), waitLimit: Int.random(in: 1...30, using: &random))
        let length = Int.random(in: 1...300, using: &random)
        var trace: [String] = []
        for _ in 0..<length {
            trace.append(step(&model, &random))
            if let violation = model.violation { return ("\(violation); last events \(trace.suffix(12))", trace.count) }
        }
        if Bool.random(using: &random), let problem = serveEveryone(&model, &random) { return (problem, trace.count) }
        return (closeAndDrain(&model, &random), trace.count)
    }

    /// One event, chosen among those that can happen now, with weights near a busy pool's.
    static func step(_ model: inout PoolModel, _ random: inout SeededGenerator) -> String {
        let roll = Int.random(in: 0..<100, using: &random)
        let holding = model.clientsHolding
        let waiting = model.clientsWaiting
        switch roll {
        case 0..<30:
            model.lease()
            return "lease"
        case 30..<45 where model.connectsInFlight > 0:
            model.connectSucceeded()
            return "connected"
        case 45..<52 where model.connectsInFlight > 0:
            model.connectFailed()
            return "connectFailed"
        case 52..<72 where !holding.isEmpty:
            let client = holding.randomElement(using: &random)!
            model.release(client: client, reusable: true)
            return "release \(client)"
        case 72..<80 where !holding.isEmpty:
            let client = holding.randomElement(using: &random)!
            model.release(client: client, reusable: false)
            return "release broken \(client)"
        case 80..<86 where !holding.isEmpty:
            let client = holding.randomElement(using: &random)!
            model.findDead(client: client)
            return "found dead \(client)"
        case 86..<92:
            // Mostly a task that waits; sometimes one already served, whose cancellation must change nothing.
            let client = (waiting.isEmpty || Int.random(in: 0..<4, using: &random) == 0 ? holding : waiting).randomElement(using: &random) ?? 0
            model.cancel(client: client)
            return "cancel \(client)"
        case 92..<99:
            let ticks = Int.random(in: 1...8, using: &random)
            model.tick(by: ticks)
            return "tick \(ticks)"
        case 99:
            model.close()
            return "close"
        default:
            model.lease()
            return "lease"
        }
    }

    /// Without closing and with every connect succeeding, every waiter is served: nobody is stranded.
    static func serveEveryone(_ model: inout PoolModel, _ random: inout SeededGenerator) -> String? {
        guard model.state.isRunning else { return nil }
        for _ in 0..<10_000 where !model.pending.isEmpty {
            if model.connectsInFlight > 0 {
                model.connectSucceeded()
            } else if let client = model.clientsHolding.randomElement(using: &random) {
                model.release(client: client, reusable: Bool.random(using: &random))
            } else {
                return "\(model.pending.count) waiting, yet no connect in flight and no connection out"
            }
            if let violation = model.violation { return "serving everyone: \(violation)" }
        }
        return model.pending.isEmpty ? nil : "\(model.pending.count) still waiting after 10 000 events"
    }

    /// Close (once or twice), let every connect end and every connection come back in any order: the machine
    /// is then closed, with nothing counted, nothing open, nobody waiting and every caller of close resumed.
    static func closeAndDrain(_ model: inout PoolModel, _ random: inout SeededGenerator) -> String? {
        model.close()
        while model.connectsInFlight > 0 || !model.clientsHolding.isEmpty {
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where model.connectsInFlight > 0: model.connectSucceeded()
            case 1 where model.connectsInFlight > 0: model.connectFailed()
            case 2:
                if let client = model.clientsHolding.first { model.findDead(client: client) }
            default:
                if let client = model.clientsHolding.randomElement(using: &random) {
                    model.release(client: client, reusable: Bool.random(using: &random))
                }
            }
            if Int.random(in: 0..<10, using: &random) == 0 { model.close() }
            if let violation = model.violation { return "closing: \(violation)" }
        }
        model.tick(by: model.waitLimit + 1)
        model.close()
        if let violation = model.violation { return "closed: \(violation)" }
        guard model.state.isClosed else { return "not closed after every connection came back" }
        guard model.state.open == 0, model.alive.isEmpty else { return "closed with \(model.state.open) counted, \(model.alive.count) open" }
        guard model.pending.isEmpty, model.state.waiters.isEmpty else { return "closed with \(model.pending.count) still waiting" }
        guard model.closersWaiting.isEmpty else { return "\(model.closersWaiting.count) callers of close never resumed" }
        return nil
    }
}
