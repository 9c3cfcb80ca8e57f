import Hummingbird

/// The one JSON shape of every error response (`Error` in openapi.yaml):
///
/// ```json
/// {"error": {"code": "stale_version", "vietnamese": "…", "english": "…", "field": null,
///            "currentVersion": 4, "requestId": "5f0c…"}}
/// ```
struct ErrorBody: ResponseEncodable {
    struct Detail: Codable {
        var code: String
        var vietnamese: String
        var english: String
        var field: String?
        var currentVersion: Int?
        var requestId: String
    }

    var error: Detail

    init(_ error: APIError, requestID: String) {
        self.error = Detail(
            code: error.code, vietnamese: error.vietnamese, english: error.english, field: error.field,
            currentVersion: error.currentVersion, requestId: requestID)
    }
}
