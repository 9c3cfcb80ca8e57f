import Foundation
import Testing
@testable import ThiduaServer

/// The small pieces of the server that requests lean on: one heavy job at a time, and how dates are read.
@Suite("SupportTests")
struct SupportTests {
    struct Busy: Error {}

    @Test("a second run while one is in progress is turned away at once; after it ends the next one runs")
    func singleFlight() async throws {
        let flight = SingleFlight()
        let (started, startedContinuation) = AsyncStream<Void>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await flight.run(orThrow: Busy()) {
                startedContinuation.yield()
                for await _ in release { break }
                return 1
            }
        }
        for await _ in started { break }
        await #expect(throws: Busy.self) { try await flight.run(orThrow: Busy()) { 2 } }
        releaseContinuation.yield()
        #expect(try await first.value == 1)
        #expect(try await flight.run(orThrow: Busy()) { 3 } == 3)
        await #expect(throws: Busy.self) { try await flight.run(orThrow: Busy()) { () async throws -> Int in throw Busy() } }
        #expect(try await flight.run(orThrow: Busy()) { 4 } == 4, "a run that failed frees the slot too")
    }

    @Test("a day alone is that day's midnight UTC; ISO 8601 with a time or an offset is read as written; anything else is refused")
    func dates() throws {
        let day = try #require(APIDate.parse("2021-12-20"))
        #expect(day == Date(timeIntervalSince1970: 1_639_958_400))
        #expect(APIDate.parse("2021-12-20T00:00:00Z") == day)
        #expect(APIDate.parse("2021-12-20T07:00:00+07:00") == day)
        #expect(APIDate.parse("2021-12-20T00:00:00.250Z") == day.addingTimeInterval(0.25))
        for bad in ["20/12/2021", "2021-12-32", "2021-02-30", "2021-2-20", "", "2021-12-20T25:00:00Z", "hôm nay"] {
            #expect(APIDate.parse(bad) == nil, "\(bad)")
        }
    }
}
