import Foundation

/// A refusal from a thidua server, as its error body says it: the status, the stable code, both messages, the
/// field at fault and the request id (to quote to an administrator, who finds it in the logs and audit trail).
struct ServerError: Error, CustomStringConvertible {
    var status: Int
    var code: String
    var vietnamese: String
    var english: String
    var field: String?
    var requestID: String?

    var description: String {
        var text = "\(vietnamese)\n        \(english) [\(status) \(code)"
        if let field { text += ", field \(field)" }
        if let requestID { text += ", request \(requestID)" }
        return text + "]"
    }

    /// The exit code a script can act on (see `thidua --help`).
    var exitCode: Int32 {
        switch status {
        case 401, 403: 77
        case 404: 66
        case 409, 412, 428, 429: 75
        case 503: 69
        case 400, 413, 415, 422: 65
        default: 1
        }
    }

    /// Reads the server's error body; a body that is not one (a proxy's page) still gives the status.
    init(status: Int, body: Data) {
        struct Body: Decodable {
            struct Detail: Decodable {
                var code: String
                var vietnamese: String
                var english: String
                var field: String?
                var requestId: String?
            }
            var error: Detail
        }
        self.status = status
        if let detail = try? JSONDecoder().decode(Body.self, from: body).error {
            code = detail.code
            vietnamese = detail.vietnamese
            english = detail.english
            field = detail.field
            requestID = detail.requestId
        } else {
            code = "http_\(status)"
            vietnamese = "Máy chủ trả lời mã \(status)."
            english = "The server answered \(status): \(String(decoding: body.prefix(200), as: UTF8.self))"
        }
    }
}

/// The server could not be reached at all.
struct ServerUnreachable: Error, CustomStringConvertible {
    var server: String
    var reason: String
    var description: String { "\(server): \(reason)" }
}
