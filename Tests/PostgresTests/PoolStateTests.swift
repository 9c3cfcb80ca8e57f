import Testing
@testable import Postgres

/// The pool's rules without connections, case by case: integers stand in for connections, strings for waiters.
/// ``PoolStatePropertyTests`` drives the same machine through random orders of events.
@Suite struct PoolStateTests {
    typealias State = PoolState<Int, String, Int, Int>

    /// Short names for the actions, so a test reads as the sequence it checks.
    static func describe(_ actions: [State.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .connect: "connect"
            case .hand(let connection, let waiter): "hand \(connection) to \(waiter)"
            case .fail(let waiter, let failure): "fail \(waiter) \(failure)"
            case .closeConnection(let connection): "close \(connection)"
            case .watchDeadlines: "watch"
            case .finishClose(let closers): "finish \(closers)"
            }
        }
    }

    @Test func connectsAreCountedBeforeTheyAreMadeAndStopAtTheMaximum() {
        var state = State(maximumConnections: 2)
        #expect(Self.describe(state.lease(id: 1, waiter: "a", deadline: 10)) == ["watch", "connect"])
        #expect(Self.describe(state.lease(id: 2, waiter: "b", deadline: 20)) == ["connect"])
        #expect(Self.describe(state.lease(id: 3, waiter: "c", deadline: 30)) == [], "both places are taken")
        #expect(state.connecting == 2)
        #expect(state.open == 2)
        #expect(Self.describe(state.connected(10)) == ["hand 10 to a"])
        #expect(Self.describe(state.connected(11)) == ["hand 11 to b"])
        #expect(state.waiters.map(\.waiter) == ["c"])
    }

    @Test func aReleasedConnectionGoesToTheOldestWaiterFirst() {
        var state = State(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.connected(10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        #expect(Self.describe(state.release(10, reusable: true)) == ["hand 10 to b"])
        #expect(Self.describe(state.release(10, reusable: true)) == ["hand 10 to c"])
        #expect(Self.describe(state.release(10, reusable: true)) == [], "then idle")
        #expect(Self.describe(state.lease(id: 4, waiter: "d", deadline: 40)) == ["hand 10 to d"])
    }

    /// The bug of issue 12: the place a broken connection frees is refilled by the pool, counted at once, and
    /// the new connection goes to the waiter. The waiter never makes one of its own behind the count's back.
    @Test func aBrokenConnectionsPlaceIsRefilledForTheWaiterAndCounted() {
        var state = State(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.connected(10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        #expect(Self.describe(state.release(10, reusable: false)) == ["close 10", "connect"])
        #expect(state.open == 1, "the connect in flight holds the place")
        #expect(Self.describe(state.connected(11)) == ["hand 11 to b"])
        #expect(state.open == 1 && state.waiters.map(\.waiter) == ["c"])
    }

    @Test func aFailedConnectFailsTheOldestWaiterAndTriesAgainForTheRest() {
        var state = State(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        let failed = Self.describe(state.connectFailed(ModelError.refused))
        #expect(failed.count == 2 && failed[0].hasPrefix("fail a connectFailed") && failed[1] == "connect")
        #expect(state.waiters.map(\.waiter) == ["b"])
        #expect(state.open == 1)
    }

    @Test func aCancelledWaitersConnectServesTheNextOrIsParked() {
        var state = State(maximumConnections: 2)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        #expect(Self.describe(state.cancel(id: 1)) == ["fail a cancelled"])
        #expect(Self.describe(state.cancel(id: 1)) == [], "once")
        #expect(state.connecting == 1, "the connect goes on")
        #expect(Self.describe(state.connected(10)) == [])
        #expect(state.idle == [10])
        #expect(state.open == 1)
    }

    @Test func aDeadConnectionFoundOnLeaseIsReplacedAndItsTaskWaitsFirst() {
        var state = State(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.connected(10)
        _ = state.release(10, reusable: true)
        #expect(Self.describe(state.lease(id: 2, waiter: "b", deadline: 20)) == ["hand 10 to b"])
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        #expect(Self.describe(state.leasedConnectionDied()) == ["connect"])
        #expect(Self.describe(state.lease(id: 2, waiter: "b again", deadline: 20, ahead: true)) == [])
        #expect(Self.describe(state.connected(11)) == ["hand 11 to b again"])
        #expect(state.open == 1)
    }

    @Test func oneWatcherRefusesWaitersAsTheirDeadlinesPass() {
        var state = State(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.connected(10)
        #expect(state.expire(asOf: 0).next == nil, "a was served: the watch a's wait started ends")
        #expect(Self.describe(state.lease(id: 2, waiter: "b", deadline: 20)) == ["watch"])
        #expect(Self.describe(state.lease(id: 3, waiter: "c", deadline: 30)) == [], "one watcher is enough")
        #expect(state.expire(asOf: 19).next == 20)
        let (expired, next) = state.expire(asOf: 25)
        #expect(Self.describe(expired) == ["fail b timedOut"] && next == 30)
        #expect(Self.describe(state.release(10, reusable: true)) == ["hand 10 to c"])
        #expect(state.expire(asOf: 26).next == nil, "nobody waits: the watch ends")
        #expect(Self.describe(state.lease(id: 4, waiter: "d", deadline: 40)) == ["watch"])
    }

    @Test func closingEndsOnlyWhenLeasedConnectionsAndConnectsAreBack() {
        var state = State(maximumConnections: 3)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        _ = state.connected(10)
        _ = state.connected(11)
        _ = state.release(11, reusable: true)
        // a holds 10, b gave 11 back and c has it; the connect made for c is still in flight.
        #expect(state.leased == 2 && state.connecting == 1)
        _ = state.lease(id: 4, waiter: "d", deadline: 40)
        #expect(Self.describe(state.close(1)) == ["fail d closed"])
        #expect(Self.describe(state.lease(id: 5, waiter: "e", deadline: 50)) == ["fail e closed"])
        #expect(Self.describe(state.release(10, reusable: true)) == ["close 10"])
        #expect(Self.describe(state.close(2)) == [], "a second caller waits too")
        #expect(Self.describe(state.connectFailed(ModelError.refused)) == [])
        #expect(Self.describe(state.release(11, reusable: true)) == ["close 11", "finish [1, 2]"])
        #expect(state.isClosed && state.open == 0)
        #expect(Self.describe(state.close(3)) == ["finish [3]"], "closing a closed pool ends at once")
    }
}
