import Testing
@testable import Postgres

/// The pool's rules without connections: plain integers stand in for connections and waiters.
@Suite struct PoolStateTests {
    @Test func createsUpToTheLimitThenQueues() {
        var state = PoolState<Int, String>(maximumConnections: 2)
        guard case .create = state.lease(id: 1, waiter: "a") else { Issue.record("first lease should create"); return }
        guard case .create = state.lease(id: 2, waiter: "b") else { Issue.record("second lease should create"); return }
        guard case .wait = state.lease(id: 3, waiter: "c") else { Issue.record("third lease should wait"); return }
        #expect(state.open == 2)
        #expect(state.waiters.map(\.waiter) == ["c"])
    }

    @Test func aReleasedConnectionGoesToTheOldestWaiterFirst() {
        var state = PoolState<Int, String>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        _ = state.lease(id: 3, waiter: "c")
        guard case .handOver(10, "b") = state.release(10, reusable: true) else { Issue.record("b waited longest"); return }
        guard case .handOver(10, "c") = state.release(10, reusable: true) else { Issue.record("then c"); return }
        guard case .park = state.release(10, reusable: true) else { Issue.record("then idle"); return }
        guard case .use(10) = state.lease(id: 4, waiter: "d") else { Issue.record("idle is reused"); return }
    }

    @Test func aBrokenConnectionFreesItsPlaceForAWaiter() {
        var state = PoolState<Int, String>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        guard case .close(10, wake: "b") = state.release(10, reusable: false) else { Issue.record("b must be woken"); return }
        #expect(state.open == 0)
        guard case .create = state.lease(id: 2, waiter: "b") else { Issue.record("b makes a new one"); return }
    }

    @Test func aTimedOutWaiterLeavesTheQueueOnce() {
        var state = PoolState<Int, String>(maximumConnections: 1)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        #expect(state.abandon(id: 2) == "b")
        #expect(state.abandon(id: 2) == nil)
        guard case .park = state.release(10, reusable: true) else { Issue.record("nobody waits any more"); return }
    }

    @Test func closingRefusesNewLeasesAndClosesReturns() {
        var state = PoolState<Int, String>(maximumConnections: 2)
        _ = state.lease(id: 1, waiter: "a")
        _ = state.lease(id: 2, waiter: "b")
        _ = state.release(11, reusable: true)
        _ = state.lease(id: 3, waiter: "c")
        _ = state.lease(id: 4, waiter: "d")
        let (idle, waiters) = state.close()
        #expect(idle.isEmpty)
        #expect(waiters == ["d"])
        guard case .refuse = state.lease(id: 5, waiter: "e") else { Issue.record("closed pools refuse"); return }
        guard case .close(10, wake: nil) = state.release(10, reusable: true) else { Issue.record("returns close"); return }
        #expect(state.open == 1)
    }
}
