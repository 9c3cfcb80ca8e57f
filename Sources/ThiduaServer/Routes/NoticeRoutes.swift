import Foundation
import Hummingbird
import ThiduaCore

/// Public notices before a commendation (`/api/v1/notices`): the secretariat opens one for a nomination and a
/// form that requires it, objections and comments are recorded as they arrive, and the secretariat closes it
/// with an outcome once it has run (closing needs its version, `If-Match` or `version`). While a notice runs,
/// or after an objection was upheld, the nomination goes neither before the council nor into a decision.
struct NoticeRoutes: Sendable {
    let notices: PublicNoticeRepository

    struct Open: Decodable {
        var form: String
        var channel: String
        var startsOn: Date
        /// A longer posting than the form's working days; never a shorter one.
        var endsOn: Date?
    }

    struct Record: Decodable {
        var kind: ObjectionKind?
        var objector: String
        var content: String
        var receivedOn: Date
    }

    struct Close: Decodable {
        var outcome: NoticeOutcome
        var reason: String?
        var version: Int?
    }

    func add(to router: Router<ThiduaRequestContext>) {
        router.post("/api/v1/nominations/:id/notices") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Open.self, from: request)
            let notice = try await notices.open(id, form: body.form, channel: body.channel, from: body.startsOn, until: body.endsOn, by: actor)
            return APIResponse(notice, status: .created, version: notice.version, location: "/api/v1/notices/\(notice.id.uuidString)")
        }
        router.get("/api/v1/notices") { request, context in
            let query = request.uri.queryParameters
            let running = query["running"].map(String.init)
            guard running == nil || running == "true" || running == "false" else { throw APIError.badParameter("running") }
            return APIResponse(try await notices.notices(
                nomination: try query.uuid("nomination"), runningOnly: running == "true", as: try context.requireActor()))
        }
        router.get("/api/v1/notices/:id") { _, context in
            let notice = try await notices.notice(try context.uuid("id"), as: try context.requireActor())
            return APIResponse(notice, version: notice.version)
        }
        router.post("/api/v1/notices/:id/objections") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Record.self, from: request)
            return APIResponse(try await notices.record(
                body.kind ?? .objection, on: id, objector: body.objector, content: body.content, receivedOn: body.receivedOn, by: actor),
                status: .created)
        }
        router.post("/api/v1/notices/:id/close") { request, context in
            let actor = try context.requireActor()
            let id = try context.uuid("id")
            let body = try await JSONBody.decode(Close.self, from: request)
            let notice = try await notices.close(
                id, version: try EntityTag.requiredVersion(in: request, body: body.version), outcome: body.outcome, reason: body.reason, by: actor)
            return APIResponse(notice, version: notice.version)
        }
    }
}
