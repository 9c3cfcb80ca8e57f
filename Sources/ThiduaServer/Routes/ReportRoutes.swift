import Foundation
import Hummingbird
import ThiduaCore

/// The secretariat's reports (`/api/v1/reports`): the yearly report to the chairman, report 0601.N on
/// movements, the mid-term and final review summaries, units' own plans received, overdue items; and recording
/// a unit's plan as received.
struct ReportRoutes: Sendable {
    let reports: ReportRepository

    struct PlanReceived: Decodable {
        var unitID: UUID
        var period: String
        var number: String
        var issuedOn: String
        var receivedOn: String
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/reports/yearly/:year") { _, context in
            guard let year = context.parameters.get("year").flatMap(Int.init), (2000...2100).contains(year) else {
                throw APIError.badParameter("year")
            }
            return APIResponse(try await reports.yearly(year: year, as: try context.requireActor()))
        }
        router.get("/api/v1/reports/movements") { request, context in
            guard let year = try request.uri.queryParameters.int("year", in: 2000...2100) else { throw APIError.badParameter("year") }
            return APIResponse(try await reports.movements(year: year, as: try context.requireActor()))
        }
        router.get("/api/v1/reports/review-summary") { request, context in
            guard let kind = request.uri.queryParameters["kind"].flatMap({ ReviewSummary.Kind(rawValue: String($0)) }) else {
                throw APIError.badParameter("kind")
            }
            return APIResponse(try await reports.reviewSummary(kind: kind, as: try context.requireActor()))
        }
        router.get("/api/v1/reports/unit-plans") { request, context in
            let period = request.uri.queryParameters["period"].map(String.init) ?? "2021-2025"
            guard period.wholeMatch(of: /\d{4}-\d{4}/) != nil else { throw APIError.badParameter("period") }
            return APIResponse(try await reports.unitPlans(period: period, as: try context.requireActor()))
        }
        router.post("/api/v1/unit-plans") { request, context in
            let actor = try context.requireActor()
            let body = try await JSONBody.decode(PlanReceived.self, from: request)
            for (field, value) in [("issuedOn", body.issuedOn), ("receivedOn", body.receivedOn)] where value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
                throw APIError.invalidField(field, vietnamese: "Ngày phải có dạng yyyy-MM-dd.", english: "A day is written yyyy-MM-dd.")
            }
            guard body.period.wholeMatch(of: /\d{4}-\d{4}/) != nil else {
                throw APIError.invalidField("period", vietnamese: "Giai đoạn có dạng 2021-2025.", english: "A period is written 2021-2025.")
            }
            try await reports.recordUnitPlan(
                unit: body.unitID, period: body.period, number: body.number, issuedOn: body.issuedOn, receivedOn: body.receivedOn, by: actor)
            return HTTPResponse.Status.created
        }
        router.get("/api/v1/reports/overdue") { request, context in
            let day = try request.uri.queryParameters.date("asOf") ?? Date()
            return APIResponse(try await reports.overdue(asOf: day, as: try context.requireActor()))
        }
    }
}
