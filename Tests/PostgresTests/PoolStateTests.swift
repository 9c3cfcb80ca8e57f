import Testing
@testable import Postgres

/// The pool's rules without connections: plain integers stand in for connections and waiters.
@Suite struct PoolStateTests {
    @Test func createsUpToTheLimitThenQueues() {
        var state = PoolState<Int, String, Int>(maximumConnections: 2)
        guard case .create = state.lease(id: 1, waiter: "a", deadline: 10) else { Issue.record("first lease should create"); return }
        guard case .create = state.lease(id: 2, waiter: "b", deadline: 20) else { Issue.record("second lease should create"); return }
        guard case .wait = state.lease(id: 3, waiter: "c", deadline: 30) else { Issue.record("third lease should wait"); return }
        #expect(state.open == 2)
        #expect(state.waiters.map(\.waiter) == ["c"])
    }

    @Test func aReleasedConnectionGoesToTheOldestWaiterFirst() {
        var state = PoolState<Int, String, Int>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        guard case .handOver(10, "b") = state.release(10, reusable: true) else { Issue.record("b waited longest"); return }
        guard case .handOver(10, "c") = state.release(10, reusable: true) else { Issue.record("then c"); return }
        guard case .park = state.release(10, reusable: true) else { Issue.record("then idle"); return }
        guard case .use(10) = state.lease(id: 4, waiter: "d", deadline: 40) else { Issue.record("idle is reused"); return }
    }

    @Test func aBrokenConnectionFreesItsPlaceForAWaiter() {
        var state = PoolState<Int, String, Int>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        guard case .close(10, wake: "b") = state.release(10, reusable: false) else { Issue.record("b must be woken"); return }
        #expect(state.open == 0)
        guard case .create = state.lease(id: 2, waiter: "b", deadline: 20) else { Issue.record("b makes a new one"); return }
    }

    @Test func aTimedOutWaiterLeavesTheQueueOnce() {
        var state = PoolState<Int, String, Int>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        #expect(state.abandon(id: 2) == "b")
        #expect(state.abandon(id: 2) == nil)
        guard case .park = state.release(10, reusable: true) else { Issue.record("nobody waits any more"); return }
    }

    @Test func oneWatcherRefusesWaitersAsTheirDeadlinesPassInTheOrderTheyCame() {
        var state = PoolState<Int, String, Int>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        guard case .wait(watch: true) = state.lease(id: 2, waiter: "b", deadline: 20) else { Issue.record("the first waiter starts the watch"); return }
        guard case .wait(watch: false) = state.lease(id: 3, waiter: "c", deadline: 30) else { Issue.record("one watcher is enough"); return }
        #expect(state.expire(asOf: 19) == ([], 20))
        #expect(state.expire(asOf: 25) == (["b"], 30))
        guard case .handOver(10, "c") = state.release(10, reusable: true) else { Issue.record("c was still waiting"); return }
        #expect(state.expire(asOf: 26) == ([], nil), "nobody waits: the watch ends")
        guard case .wait(watch: true) = state.lease(id: 4, waiter: "d", deadline: 40) else { Issue.record("a new watch starts"); return }
    }

    @Test func closingRefusesNewLeasesAndClosesReturns() {
        var state = PoolState<Int, String, Int>(maximumConnections: 2)
        _ = state.lease(id: 1, waiter: "a", deadline: 10)
        _ = state.lease(id: 2, waiter: "b", deadline: 20)
        _ = state.release(11, reusable: true)
        _ = state.lease(id: 3, waiter: "c", deadline: 30)
        _ = state.lease(id: 4, waiter: "d", deadline: 40)
        let (idle, waiters) = state.close()
        #expect(idle.isEmpty)
        #expect(waiters == ["d"])
        guard case .refuse = state.lease(id: 5, waiter: "e", deadline: 50) else { Issue.record("closed pools refuse"); return }
        guard case .close(10, wake: nil) = state.release(10, reusable: true) else { Issue.record("returns close"); return }
        #expect(state.open == 1)
    }
}
