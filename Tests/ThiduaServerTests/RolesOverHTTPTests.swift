import Foundation
import HTTPTypes
import Hummingbird
import Testing
import ThiduaCore
import ThiduaTesting

/// The roles matrix holds over HTTP: a record a person may not see is 404 for them, with no trace of its
/// content, on every route that names it, exactly when the repository (and row-level security) hides it.
@Suite("RolesOverHTTPTests")
struct RolesOverHTTPTests {
    @Test("every person × a commune's and a force's draft and submitted nominations: 200 exactly when visible, else 404")
    func visibilityMatchesTheRepository() async throws {
        try await APIWorld.run { world, api in
            let clerkA = try await world.actor(.clerkA), headA = try await world.actor(.headA)
            let forceClerk = try await world.actor(.forceClerk), forceHead = try await world.actor(.forceHead)
            let draftA = try await world.nominations.create(world.draft(name: "Mùa A Dính"), by: clerkA)
            let submittedA = try await world.nominations.create(world.draft(name: "Thào Thị Dợ"), by: clerkA)
            _ = try await world.nominations.perform(.submit, on: submittedA.id, version: 1, by: headA)
            let forceDraft = try await world.nominations.create(world.draft(name: "Lý A Chứ", movement: world.forceMovement), by: forceClerk)
            let forceSubmitted = try await world.nominations.create(world.draft(name: "Hầu A Lử", movement: world.forceMovement), by: forceClerk)
            _ = try await world.nominations.perform(.submit, on: forceSubmitted.id, version: 1, by: forceHead)
            let records = [draftA, submittedA, forceDraft, forceSubmitted]

            for person in RecordsWorld.Person.allCases {
                let token = try await api.signIn(person)
                let actor = try await world.actor(person)
                let listed = try await api.send(.get, "/api/v1/nominations?limit=500", token: token)
                #expect(listed.status == .ok)
                let listedIDs = Set(((try listed.object()["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }.map { $0.lowercased() })
                for record in records {
                    let visible = (try? await world.nominations.get(record.id, as: actor)) != nil
                    for path in ["", "/history", "/attachments", "/changes"] {
                        let reply = try await api.send(.get, "/api/v1/nominations/\(record.id.lower)\(path)", token: token)
                        #expect(reply.status == (visible ? .ok : .notFound), "\(person) GET \(record.nomineeName)\(path): \(reply.status)")
                        if !visible { #expect(!reply.text.contains(record.nomineeName), "\(person) sees \(record.nomineeName) at \(path)") }
                    }
                    #expect(listedIDs.contains(record.id.lower) == visible, "\(person) list and get disagree on \(record.nomineeName)")
                    if !visible {
                        let step = try await api.send(.post, "/api/v1/nominations/\(record.id.lower)/transitions", token: token,
                                                      json: ["event": "withdraw", "version": record.version])
                        #expect(step.status == .notFound, "\(person) acting on hidden \(record.nomineeName): \(step.status)")
                    }
                }
                if [.clerkB, .headB].contains(person) {
                    #expect(!listedIDs.contains(draftA.id.lower) && !listedIDs.contains(submittedA.id.lower))
                }
                if [.clerkA, .headA, .clerkB, .headB, .leadClerk, .leadHead].contains(person) {
                    #expect(!listedIDs.contains(forceDraft.id.lower) && !listedIDs.contains(forceSubmitted.id.lower))
                }
            }
        }
    }
}
