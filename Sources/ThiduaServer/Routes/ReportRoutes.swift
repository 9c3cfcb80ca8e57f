import Foundation
import Hummingbird
import ThiduaCore

/// The secretariat's reports (`/api/v1/reports`): the yearly report to the chairman and overdue items.
struct ReportRoutes: Sendable {
    let reports: ReportRepository

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/reports/yearly/:year") { _, context in
            guard let year = context.parameters.get("year").flatMap(Int.init), (2000...2100).contains(year) else {
                throw APIError.badParameter("year")
            }
            return APIResponse(try await reports.yearly(year: year, as: try context.requireActor()))
        }
        router.get("/api/v1/reports/overdue") { request, context in
            let day = try request.uri.queryParameters.date("asOf") ?? Date()
            return APIResponse(try await reports.overdue(asOf: day, as: try context.requireActor()))
        }
    }
}
