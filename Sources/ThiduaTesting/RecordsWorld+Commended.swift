import Foundation
import Postgres
import ThiduaCore

extension RecordsWorld {
    /// A commune B nominee commended by a signed district decision (through the repositories, as the people whose
    /// job each step is), for what starts from a commendation: exemplars, eligibility, over HTTP and the command line.
    public func commended(_ name: String) async throws -> CommendationRecord {
        let secretary = try await actor(.secretary)
        let nomination = try await verified(name)
        let session = try await councilReviews.open(round: round, title: "Phiên họp xét khen thưởng", nominations: [nomination.id], by: secretary)
        for person in [Person.member, .chairman] {
            _ = try await councilReviews.vote(.approve, on: nomination.id, in: session.id, version: 0, by: try await actor(person))
        }
        _ = try await councilReviews.close(session.id, version: session.version, by: secretary)
        let series = try await addDecisionSeries(code: "qd-\(UUID().uuidString.prefix(8).lowercased())")
        let decisions = DecisionRepository(store: store)
        let drafted = try await decisions.draft(DecisionDraft(
            seriesID: series, decidedOn: ISO8601DateFormatter().date(from: "2024-12-20T00:00:00Z")!, subject: "Về việc khen thưởng",
            legalBases: ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"],
            items: [DecisionItemDraft(nominationID: nomination.id, form: "lao-dong-tien-tien")]), by: secretary)
        _ = try await decisions.sign(drafted.id, version: drafted.version, by: try await actor(.chairman))
        return try await CommendationRepository(store: store).history(of: nomination.nomineeID, as: secretary)[0]
    }
}
