import Foundation
import HTTPTypes
import Hummingbird
import Postgres
import Testing
import ThiduaCore
import ThiduaTesting

/// Report 0601.N and the review summaries over HTTP: what the repository answers, a 400 naming the parameter
/// for a missing or bad one, 403 for a clerk, 404 while the area has no review of the kind.
@Suite("ReportRoutesTests")
struct ReportRoutesTests {
    @Test("0601.N and the review summaries answer as the repository does; bad parameters are 400, a clerk 403, no review 404")
    func reportsOverHTTP() async throws {
        try await APIWorld.run { world, api in
            let secretary = try await api.signIn(.secretary), clerk = try await api.signIn(.clerkA)
            let movements = try await api.send(.get, "/api/v1/reports/movements?year=2021", token: secretary)
            #expect(movements.status == .ok)
            let total = try movements.object()["total"] as? [String: Any]
            #expect(total?["movements"] as? Int == 2 && total?["launched"] as? Int == 2)
            let levels = (try movements.object()["byInitiatingLevel"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
            #expect(levels == InitiatingLevel.allCases.map(\.rawValue))

            for (path, field) in [("/api/v1/reports/movements", "year"), ("/api/v1/reports/movements?year=hai-nghin", "year"),
                                  ("/api/v1/reports/movements?year=1999", "year"), ("/api/v1/reports/review-summary", "kind"),
                                  ("/api/v1/reports/review-summary?kind=yearly", "kind"), ("/api/v1/reports/review-summary?kind=midTerm", "kind")] {
                let reply = try await api.send(.get, path, token: secretary)
                #expect(reply.status == .badRequest && reply.errorCode == "invalid_parameter", "\(path): \(reply.text)")
                #expect((try reply.object()["error"] as? [String: Any])?["field"] as? String == field, "\(path)")
            }
            #expect(try await api.send(.get, "/api/v1/reports/movements?year=2021", token: clerk).status == .forbidden)
            #expect(try await api.send(.get, "/api/v1/reports/review-summary?kind=final", token: clerk).status == .forbidden)
            #expect(try await api.send(.get, "/api/v1/reports/review-summary?kind=mid-term", token: secretary).status == .notFound)

            try await world.asInstaller { connection in
                _ = try await connection.query("""
                    INSERT INTO thidua.emulation_reviews (area_id, code, kind, level, name, year, held_on, basis, period) VALUES
                        ('test/huyen', 'so-ket-2023', 'mid_term_review', 'district', 'Sơ kết giữa kỳ', 2023, '2023-06-11', 'PLAN.md §6', '2021-2025')
                    """)
            }
            let summary = try await api.send(.get, "/api/v1/reports/review-summary?kind=mid-term", token: secretary)
            #expect(summary.status == .ok, "\(summary.text)")
            let body = try summary.object()
            #expect(body["kind"] as? String == "mid-term" && body["fromYear"] as? Int == 2021 && body["toYear"] as? Int == 2023)
            #expect((body["review"] as? [String: Any])?["code"] as? String == "so-ket-2023")
            #expect((body["unitPlans"] as? [String: Any])?["takingPart"] as? Int == 5)
        }
    }
}
