import Foundation
import HTTPTypes
import Hummingbird
import Testing
import ThiduaCore
import ThiduaTesting

/// History follows read access over HTTP too (migration 0024): `GET /api/v1/audit/records/{type}/{id}`, which
/// `thidua audit history` calls, gives a council session's events to those who read the session and an empty
/// list to everyone else; the nomination's own history route stays 404 for those who cannot read it.
@Suite("HistoryOverHTTPTests")
struct HistoryOverHTTPTests {
    @Test("a council session's history: the council, the chairman, the secretariat and auditors read it; the communes, the lead unit and the administrator read nothing")
    func sessionHistoryForItsReaders() async throws {
        try await APIWorld.run { world, api in
            let nomination = try await world.verified("Lò Thị Mai")
            let session = try await world.councilReviews.open(
                round: world.round, title: "Phiên họp xét khen thưởng", nominations: [nomination.id], by: try await world.actor(.secretary))
            let readers: Set<RecordsWorld.Person> = [.secretary, .member, .member2, .chairman, .auditor]
            for person in RecordsWorld.Person.allCases {
                let token = try await api.signIn(person)
                let reply = try await api.send(.get, "/api/v1/audit/records/council_sessions/\(session.id.lower)", token: token)
                #expect(reply.status == .ok, "\(person): \(reply.status)")
                let actions = try reply.array().compactMap { $0["action"] as? String }
                #expect(actions == (readers.contains(person) ? ["council.open"] : []), "\(person): \(actions)")
                let readsNomination = (try? await world.nominations.get(nomination.id, as: try await world.actor(person))) != nil
                let history = try await api.send(.get, "/api/v1/nominations/\(nomination.id.lower)/history", token: token)
                #expect(history.status == (readsNomination ? .ok : .notFound), "\(person) nomination history: \(history.status)")
            }
        }
    }
}
