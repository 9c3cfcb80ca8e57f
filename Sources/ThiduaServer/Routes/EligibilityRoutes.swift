import Foundation
import Hummingbird
import ThiduaCore

/// Who is due a higher title by consecutive years (`/api/v1/eligibility?year=`, judged on 31 December of that
/// year, or `asOf=` a day), and, for a decision being drafted, its nominees' other commendations of the same
/// year (`/api/v1/eligibility/same-year?decision=`): flags and warnings for the secretariat, not refusals.
struct EligibilityRoutes: Sendable {
    let eligibility: EligibilityRepository

    func add(to router: Router<ThiduaRequestContext>) {
        router.get("/api/v1/eligibility") { request, context in
            let query = request.uri.queryParameters
            let day: Date
            if let asOf = try query.date("asOf") {
                day = asOf
            } else if let year = try query.int("year", in: 2000...2100) {
                day = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"), year: year, month: 12, day: 31).date!
            } else {
                throw APIError.badParameter("year")
            }
            return APIResponse(try await eligibility.flags(asOf: day, nominee: try query.uuid("nominee"), as: try context.requireActor()))
        }
        router.get("/api/v1/eligibility/same-year") { request, context in
            guard let decision = try request.uri.queryParameters.uuid("decision") else { throw APIError.badParameter("decision") }
            return APIResponse(try await eligibility.sameYearCommendations(inDraft: decision, as: try context.requireActor()))
        }
    }
}
