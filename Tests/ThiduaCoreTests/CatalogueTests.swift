import Foundation
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Units and their succession, personal data kept apart, and the figures' rules.
@Suite("CatalogueTests")
struct CatalogueTests {
    @Test("a merged commune's records stay under it and roll up to its successor from the merge on")
    func successionRollsUp() async throws {
        let world = try await RecordsWorld.make()
        let admin = try await world.actor(.admin)
        let nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        await #expect(throws: ThiduaError.denied(.roleRequired([.admin]))) {
            try await UnitRepository(store: world.store).recordSuccession(
                .merge, from: world.communeA, to: world.communeB, effectiveOn: "2025-07-01",
                legalBasis: "Nghị quyết 1661/NQ-UBTVQH15", by: try await world.actor(.secretary))
        }
        let units = UnitRepository(store: world.store)
        try await units.recordSuccession(
            .merge, from: world.communeA, to: world.communeB, effectiveOn: "2025-07-01",
            legalBasis: "Nghị quyết 1661/NQ-UBTVQH15", by: admin)
        #expect(try await units.unitInForce(world.communeA, on: "2025-06-30", as: admin) == world.communeA)
        #expect(try await units.unitInForce(world.communeA, on: "2025-07-01", as: admin) == world.communeB)
        let existing = try await units.list(existingOn: "2025-08-01", as: admin).map(\.id)
        #expect(!existing.contains(world.communeA) && existing.contains(world.communeB))
        #expect(try await world.nominations.get(nomination.id, as: try await world.actor(.auditor)).unitID == world.communeA)
        let events = try await world.audit.history(of: "units", id: world.communeA.uuidString.lowercased(), as: try await world.actor(.auditor))
        #expect(events.last?.action == "unit.succession" && events.last?.actorRole == "admin")
    }

    @Test("personal data is read by the unit, the secretariat and auditors, never by the lead unit or the council")
    func personalDataKeptApart() async throws {
        let world = try await RecordsWorld.make()
        var nomination = try await world.nominations.create(world.draft(), by: try await world.actor(.clerkA))
        nomination = try await world.nominations.perform(.submit, on: nomination.id, version: 1, by: try await world.actor(.headA))
        for person in [RecordsWorld.Person.clerkA, .secretary, .auditor] {
            let details = try await world.nominees.personalDetails(of: nomination.nomineeID, as: try await world.actor(person))
            #expect(details?.dateOfBirth == "1985-03-12" && details?.ethnicity == "Hmông", "\(person)")
        }
        let leadHead = try await world.actor(.leadHead)
        #expect(try await world.nominations.get(nomination.id, as: leadHead).nomineeName == "Lò Thị Mai")
        for person in [RecordsWorld.Person.leadHead, .member, .chairman, .clerkB, .admin] {
            #expect(try await world.nominees.personalDetails(of: nomination.nomineeID, as: try await world.actor(person)) == nil, "\(person)")
        }
        // Nor through the audit trail: the lead unit reads the nomination's history, not the personal record's.
        let personalEvents = try await world.audit.history(of: "nominee_personal", id: nomination.nomineeID.uuidString.lowercased(), as: leadHead)
        #expect(personalEvents.isEmpty)
    }

    @Test("figures that must rise every year are checked, year by year")
    func risingFigures() throws {
        let movement = try JSONDecoder().decode(Movement.self, from: Data("""
            {"id": "\(UUID())", "code": "doanh-nghiep", "name": "Doanh nghiệp", "field": "", "criteriaSection": "2.2.1",
             "nomineeKinds": ["collective"], "criteria": [], "active": true,
             "initiatingLevel": "central", "scope": "sector", "duration": "regular", "method": "thematic", "startsYear": 2021,
             "indicators": [{"code": "revenue", "name": "Doanh thu", "unit": "triệu đồng", "perYear": true, "rule": "rising"},
                            {"code": "jobs", "name": "Việc làm", "unit": "người", "perYear": true, "rule": null}]}
            """.utf8))
        let findings = IndicatorRule.findings(
            for: ["revenue": ["2019": 1200, "2020": 1500, "2021": 1500], "jobs": ["2020": 10, "2021": 5]], in: movement)
        #expect(findings.map(\.indicator) == ["revenue"])
        #expect(findings.map(\.year) == ["2021"])
    }
}
