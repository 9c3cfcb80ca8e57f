import Foundation
import Hummingbird

/// A JSON response body with its status and headers (`ETag`, `Location`), encoded the API's one way: ISO 8601
/// dates, sorted keys (so responses are stable to compare and cache).
struct APIResponse<Body: Encodable & Sendable>: ResponseGenerator {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields = [:]
    var body: Body

    init(_ body: Body, status: HTTPResponse.Status = .ok, version: Int? = nil, location: String? = nil) {
        self.body = body
        self.status = status
        if let version { headers[.eTag] = EntityTag.for(version: version) }
        if let location { headers[.location] = location }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.api.encode(body))))
    }
}

extension JSONEncoder {
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
