import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ThiduaCore

/// Safe retries (issue 12 item 4): a signed-in `POST` with an `Idempotency-Key` header is done once. The key,
/// the route and the SHA-256 of the body are claimed in the transaction of the change (``RecordStore``), and the
/// first answer is kept for a day. The same key and body again get that answer again, marked
/// `Idempotency-Replayed: true`; the same key with another body or route is 422; a key whose first request is
/// still running (or whose answer was lost when the server stopped after its commit) is 409 — never a second
/// change. Refusals are not kept: their transaction rolled back with the claim, so a retry is tried afresh.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = ThiduaRequestContext

    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotency-Replayed")!

    let keys: IdempotencyRepository

    /// 1 to 200 visible ASCII characters (a UUID, as the CLI sends, or any client's token); the table's CHECK
    /// bounds the length again.
    static func isAcceptable(_ key: String) -> Bool {
        (1...200).contains(key.utf8.count) && key.utf8.allSatisfy { $0 > 32 && $0 < 127 }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.header], var actor = context.actor else {
            return try await next(request, context)
        }
        guard Self.isAcceptable(key) else {
            throw APIError(.badRequest, code: "invalid_idempotency_key",
                           vietnamese: "Khóa Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được.",
                           english: "An Idempotency-Key is 1 to 200 visible ASCII characters.")
        }
        var request = request
        let body = try await request.collectBody(upTo: WebForm.maximumBytes)
        let claim = IdempotencyClaim(
            key: key, route: "POST \(request.uri.path)", requestHash: SHA256Digest(hashing: Data(body.readableBytesView)).hex)
        if let earlier = try await keys.record(for: key, as: actor) { return try Self.replay(earlier, of: claim) }
        actor.idempotency = claim
        var context = context
        context.actor = actor
        let response: Response
        do {
            response = try await next(request, context)
        } catch ThiduaError.idempotencyKeyTaken {
            // Another request with the key committed first (a retry racing the original); this one undid its change.
            guard let earlier = try await keys.record(for: key, as: actor) else { throw ThiduaError.idempotencyKeyTaken }
            return try Self.replay(earlier, of: claim)
        }
        guard (200..<300).contains(response.status.code) else { return response }
        let collector = BodyCollector()
        var answered = response
        try await response.body.write(collector.writer)
        let bytes = collector.bytes
        answered.body = ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        // Best effort: the change is committed whatever happens here, and a lost answer is a 409 on retry.
        try? await keys.store(status: Int(response.status.code), contentType: response.headers[.contentType], body: Data(bytes),
                              for: key, as: actor)
        return answered
    }

    static func replay(_ earlier: IdempotencyRepository.Record, of claim: IdempotencyClaim) throws -> Response {
        guard earlier.route == claim.route, earlier.requestHash == claim.requestHash else {
            throw APIError(.unprocessableContent, code: "idempotency_key_reused",
                           vietnamese: "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác trong vòng một ngày.",
                           english: "This Idempotency-Key was used for another request within the last day.", field: "Idempotency-Key")
        }
        guard let status = earlier.status else {
            var running = APIError(ThiduaError.idempotencyKeyTaken)
            running.retryAfter = 2
            throw running
        }
        var headers: HTTPFields = [Self.replayed: "true"]
        if let contentType = earlier.contentType { headers[.contentType] = contentType }
        return Response(status: .init(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: earlier.body ?? Data())))
    }
}

/// Collects a response's body, to keep it as a key's first answer.
private final class BodyCollector: @unchecked Sendable {
    var bytes: [UInt8] = []

    struct Writer: ResponseBodyWriter {
        let collector: BodyCollector
        mutating func write(_ buffer: ByteBuffer) async throws { collector.bytes.append(contentsOf: buffer.readableBytesView) }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    var writer: Writer { Writer(collector: self) }
}
