@testable import Postgres

/// A tiny stand-in for ``PostgresPool``'s I/O shell: it performs exactly the actions ``PoolState`` returns,
/// keeps what a real shell would really hold (connections made and not closed, tasks waiting, tasks holding
/// a connection, callers of close), and reports the first way the machine and that reality disagree.
///
/// Connections, waiters and closers are integers; a waiter is a fresh token per wait, a client the task
/// behind it (the same across a wait renewed after its connection was found dead).
struct PoolModel {
    typealias State = PoolState<Int, Int, Int, Int>

    private(set) var state: State
    private(set) var now = 0
    let waitLimit: Int
    /// Connects the machine asked for whose outcome has not been reported yet.
    private(set) var connectsInFlight = 0
    /// Connections made and not yet closed.
    private(set) var alive: Set<Int> = []
    /// Client → connection it holds.
    private(set) var holding: [Int: Int] = [:]
    /// Token → (client, deadline) of waits not yet answered.
    private(set) var pending: [Int: (client: Int, deadline: Int)] = [:]
    private(set) var deadlines: [Int: Int] = [:]
    private(set) var served = 0
    private(set) var failed = 0
    private(set) var closersWaiting: Set<Int> = []
    private(set) var closersDone: Set<Int> = []
    private(set) var watcherRunning = false
    private(set) var violation: String?
    private var nextID = 0

    init(maximumConnections: Int, waitLimit: Int) {
        state = State(maximumConnections: maximumConnections)
        self.waitLimit = waitLimit
    }

    var clientsHolding: [Int] { holding.keys.sorted() }
    var clientsWaiting: [Int] { Set(pending.values.map(\.client)).sorted() }

    // MARK: - Events, as the shell would report them

    /// A new task asks for a connection.
    mutating func lease() {
        let client = makeID()
        deadlines[client] = now + waitLimit
        ask(client: client, ahead: false)
    }

    mutating func connectSucceeded() {
        guard connectsInFlight > 0 else { return }
        connectsInFlight -= 1
        let connection = makeID()
        alive.insert(connection)
        perform(state.connected(connection), during: "connected")
    }

    mutating func connectFailed() {
        guard connectsInFlight > 0 else { return }
        connectsInFlight -= 1
        perform(state.connectFailed(ModelError.refused), during: "connectFailed")
    }

    /// The client gives its connection back, working or broken.
    mutating func release(client: Int, reusable: Bool) {
        guard let connection = holding.removeValue(forKey: client) else { return }
        perform(state.release(connection, reusable: reusable), during: "release")
    }

    /// The client found the connection it was just handed dead: it closes it, reports it, and waits again,
    /// first in line, with its first deadline.
    mutating func findDead(client: Int) {
        guard let connection = holding.removeValue(forKey: client) else { return }
        alive.remove(connection)
        perform(state.leasedConnectionDied(), during: "died")
        ask(client: client, ahead: true)
    }

    /// The client's task is cancelled; it may have been served already (then nothing happens).
    mutating func cancel(client: Int) {
        perform(state.cancel(id: client), during: "cancel \(client)")
    }

    /// Time passes and the watcher, if one runs, looks at the deadlines.
    mutating func tick(by ticks: Int) {
        now += ticks
        guard watcherRunning else { return }
        let (actions, next) = state.expire(asOf: now)
        perform(actions, during: "expire")
        if next == nil { watcherRunning = false }
    }

    mutating func close() {
        let closer = makeID()
        closersWaiting.insert(closer)
        perform(state.close(closer), during: "close")
    }

    // MARK: - Performing actions

    private mutating func ask(client: Int, ahead: Bool) {
        let token = makeID()
        pending[token] = (client, deadlines[client]!)
        perform(state.lease(id: client, waiter: token, deadline: deadlines[client]!, ahead: ahead), during: "lease \(client)")
    }

    private mutating func perform(_ actions: [State.Action], during event: String) {
        for action in actions {
            switch action {
            case .connect:
                connectsInFlight += 1
            case .hand(let connection, let token):
                guard let client = pending.removeValue(forKey: token)?.client else { return report("\(event): handed to \(token), who does not wait") }
                guard alive.contains(connection) else { return report("\(event): handed connection \(connection), which is not open") }
                guard !holding.values.contains(connection) else { return report("\(event): connection \(connection) handed twice") }
                holding[client] = connection
                served += 1
            case .fail(let token, let failure):
                guard let wait = pending.removeValue(forKey: token) else { return report("\(event): failed \(token), who does not wait") }
                guard fits(failure, event: event, client: wait.client, deadline: wait.deadline) else { return report("\(event): failed \(wait.client) with \(failure)") }
                failed += 1
            case .closeConnection(let connection):
                guard alive.remove(connection) != nil else { return report("\(event): closed \(connection), which is not open") }
                guard !holding.values.contains(connection) else { return report("\(event): closed \(connection), which is leased") }
            case .watchDeadlines:
                guard !watcherRunning else { return report("\(event): a second deadline watcher") }
                watcherRunning = true
            case .finishClose(let closers):
                for closer in closers {
                    guard closersWaiting.remove(closer) != nil else { return report("\(event): closer \(closer) finished twice") }
                    closersDone.insert(closer)
                }
            }
        }
        checkInvariants(after: event)
    }

    /// A failure has to be the one the event explains.
    private func fits(_ failure: PoolFailure, event: String, client: Int, deadline: Int) -> Bool {
        switch failure {
        case .closed: event == "close" || (event.hasPrefix("lease") && !state.isRunning)
        case .timedOut: event == "expire" && deadline <= now
        case .cancelled: event == "cancel \(client)"
        case .connectFailed: event == "connectFailed"
        }
    }

    // MARK: - Invariants

    private mutating func checkInvariants(after event: String) {
        guard violation == nil else { return }
        let held = Set(holding.values)
        let maximum = state.maximumConnections
        if state.open > maximum { return report("\(event): \(state.open) places taken, maximum \(maximum)") }
        if state.connecting != connectsInFlight { return report("\(event): connecting \(state.connecting), in flight \(connectsInFlight)") }
        if state.leased != holding.count { return report("\(event): leased \(state.leased), held \(holding.count)") }
        if Set(state.idle) != alive.subtracting(held) || state.idle.count != alive.count - held.count {
            return report("\(event): idle \(state.idle.sorted()), open and not held \(alive.subtracting(held).sorted())")
        }
        if Set(state.waiters.map(\.waiter)) != Set(pending.keys) || state.waiters.count != pending.count {
            return report("\(event): the machine's waiters are not the tasks waiting")
        }
        if !state.idle.isEmpty, !state.waiters.isEmpty { return report("\(event): idle connections while tasks wait") }
        if !state.waiters.isEmpty, !watcherRunning { return report("\(event): tasks wait and nobody watches their deadlines") }
        // Progress: whoever waits is covered by a connect in flight or, past the maximum, by a connection out.
        let covered = min(state.waiters.count, maximum - state.leased)
        if state.isRunning, state.connecting < covered {
            return report("\(event): \(state.waiters.count) waiting, \(state.leased) leased, only \(state.connecting) connecting")
        }
        if !state.isRunning, !state.waiters.isEmpty || !state.idle.isEmpty { return report("\(event): closing, yet waiters or idle connections") }
        if state.isClosed, state.leased + state.connecting > 0 || !closersWaiting.isEmpty || !alive.isEmpty {
            return report("\(event): closed with connections out or callers of close still waiting")
        }
    }

    private mutating func report(_ problem: String) {
        if violation == nil { violation = problem }
    }

    private mutating func makeID() -> Int {
        nextID += 1
        return nextID
    }
}

enum ModelError: Error {
    case refused
}
