import Foundation
import HTTPTypes
import Postgres
import Testing
import ThiduaTesting

extension ContractTests {
    /// Calls the holds, legal-rules, eligibility, exemplar, review and public-notice operations, successes and
    /// refusals, starting from a nominee the contract's story has just commended.
    static func exerciseRulesOperations(_ world: RecordsWorld, _ api: APIClient, nominee: String, secretary: String, clerk: String) async throws {
        let clerkB = try await api.signIn(.clerkB)
        let placed = try await api.send(.post, "/api/v1/holds", token: secretary, json: [
            "nomineeID": nominee, "kind": "complaint", "startsOn": "2025-03-01T00:00:00Z", "endsOn": "2025-09-01T00:00:00Z",
            "basis": "Thông báo thụ lý đơn số 07/TB-UBND",
        ])
        let hold = try #require(try placed.object()["id"] as? String)
        _ = try await api.send(.post, "/api/v1/holds", token: clerk, json: ["nomineeID": nominee])
        _ = try await api.send(.get, "/api/v1/holds?nominee=\(nominee)", token: secretary)
        _ = try await api.send(.post, "/api/v1/holds/\(hold)/lift", token: secretary, json: ["reason": "Đã giải quyết xong khiếu nại", "version": 1])
        _ = try await api.send(.post, "/api/v1/holds/\(hold)/lift", token: secretary, json: ["reason": "Lần hai", "version": 1])

        _ = try await api.send(.get, "/api/v1/legal-rules", token: clerk)
        _ = try await api.send(.get, "/api/v1/eligibility?year=2024", token: secretary)
        _ = try await api.send(.get, "/api/v1/eligibility?year=x", token: secretary)
        _ = try await api.send(.get, "/api/v1/eligibility/same-year?decision=\(UUID().lower)", token: secretary)

        let record = try #require(try await api.send(.get, "/api/v1/nominees/\(nominee)/commendations", token: secretary).array().first?["id"] as? String)
        let designated = try await api.send(.post, "/api/v1/exemplars", token: clerkB, json: [
            "commendationRecordID": record, "title": "Hộ gia đình tiêu biểu hiến đất", "unitID": world.communeB.lower,
            "designatedOn": "2025-01-15T00:00:00Z",
        ])
        let exemplar = try #require(try designated.object()["id"] as? String, "\(designated.text)")
        _ = try await api.send(.get, "/api/v1/exemplars", token: clerkB)
        _ = try await api.send(.post, "/api/v1/exemplars/\(exemplar)/evaluations", token: clerkB, json: [
            "evaluatedOn": "2025-06-30T00:00:00Z", "period": "6 tháng đầu năm 2025", "effect": "Đường thôn mở rộng 2 km",
            "efficiency": "Tiết kiệm 300 triệu đồng", "potential": "Nhân rộng ra các thôn", "helpGiven": "Hỗ trợ xi măng",
        ])
        _ = try await api.send(.post, "/api/v1/exemplars/\(exemplar)/evaluations", token: clerk, json: ["period": "x"])
        _ = try await api.send(.post, "/api/v1/exemplars/\(exemplar)/propagations", token: secretary,
                               json: ["kind": "media", "heldOn": "2025-07-10T00:00:00Z", "note": "Đài truyền thanh huyện"])
        _ = try await api.send(.post, "/api/v1/exemplars/\(exemplar)/replications", token: clerkB,
                               json: ["adoptingUnitID": world.communeA.lower, "adoptedOn": "2025-08-01T00:00:00Z", "result": "8 hộ hiến đất"])
        _ = try await api.send(.get, "/api/v1/exemplars/\(exemplar)", token: clerkB)
        _ = try await api.send(.get, "/api/v1/exemplars/\(UUID().lower)", token: clerkB)

        let reviewID = UUID()
        try await world.asInstaller { connection in
            _ = try await connection.query("""
                INSERT INTO thidua.emulation_reviews (id, area_id, code, kind, level, name, year, held_on, basis)
                VALUES (\(reviewID), 'test/huyen', 'tong-ket-2025', 'final_review', 'district', 'Tổng kết phong trào 2021–2025', 2025,
                        '2025-10-15', 'Kế hoạch thử nghiệm')
                """)
        }
        _ = try await api.send(.get, "/api/v1/reviews", token: secretary)
        _ = try await api.send(.get, "/api/v1/reviews/\(reviewID.lower)/candidates", token: secretary)
        _ = try await api.send(.post, "/api/v1/reviews/\(reviewID.lower)/selections", token: secretary,
                               json: ["exemplarID": exemplar, "reason": "Tiêu biểu phong trào nông thôn mới"])
        _ = try await api.send(.post, "/api/v1/reviews/\(reviewID.lower)/selections", token: clerkB, json: ["exemplarID": exemplar, "reason": "x"])

        let verified = try await Self.verifiedNomination(world, api, clerk: clerk, head: clerk, lead: try await api.signIn(.leadHead), secretary: secretary)
        let today = ISO8601DateFormatter().string(from: Date())
        let opened = try await api.send(.post, "/api/v1/nominations/\(verified)/notices", token: secretary,
                                        json: ["form": "xa-tieu-bieu", "channel": "Niêm yết tại trụ sở UBND xã", "startsOn": today])
        let notice = try #require(try opened.object()["id"] as? String, "\(opened.text)")
        _ = try await api.send(.post, "/api/v1/nominations/\(verified)/notices", token: clerkB, json: ["form": "xa-tieu-bieu"])
        _ = try await api.send(.post, "/api/v1/notices/\(notice)/objections", token: clerkB,
                               json: ["kind": "comment", "objector": "Bà Lò Thị Xuân", "content": "Đồng tình.", "receivedOn": today])
        _ = try await api.send(.post, "/api/v1/notices/\(notice)/close", token: secretary, json: ["outcome": "no_objection", "version": 1])
        _ = try await api.send(.get, "/api/v1/notices/\(notice)", token: secretary)
        _ = try await api.send(.get, "/api/v1/notices?running=true", token: secretary)
    }
}
