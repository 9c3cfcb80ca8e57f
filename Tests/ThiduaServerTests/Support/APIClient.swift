import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import ThiduaTesting

/// A client of the live test server that speaks thidua's JSON, signs people of a ``RecordsWorld`` in, and keeps
/// every JSON response it saw so ``ContractTests`` can check them against openapi.yaml.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    let samples: SampleLog

    static let password = "mật khẩu thử"

    /// Sends a request; `json` is serialised as the body with `Content-Type: application/json`.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: [String: Any]? = nil,
        body: ByteBuffer? = nil, headers: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = headers
        var body = body
        if let json {
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]))
            if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        let reply = Reply(status: response.status, headers: response.headers, body: response.body)
        samples.record(method: method, uri: uri, reply: reply)
        return reply
    }

    /// Signs `person` in and returns their bearer token.
    func signIn(_ person: RecordsWorld.Person) async throws -> String {
        let reply = try await send(.post, "/api/v1/sessions", json: ["username": person.rawValue.lowercased(), "password": Self.password])
        guard reply.status == .created, let token = try reply.object()["token"] as? String else {
            throw Failure("sign-in of \(person) answered \(reply.status): \(reply.text)")
        }
        return token
    }
}

/// A response, with helpers to read its JSON.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer

    var text: String { String(buffer: body) }

    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any] else {
            throw Failure("not a JSON object: \(text)")
        }
        return object
    }

    func array() throws -> [[String: Any]] {
        guard let array = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [[String: Any]] else {
            throw Failure("not a JSON array: \(text)")
        }
        return array
    }

    /// The `error.code` of an error response.
    var errorCode: String? { ((try? object())?["error"] as? [String: Any])?["code"] as? String }
    var eTag: String? { headers[.eTag] }
}

/// Every response the tests saw, for the contract check.
final class SampleLog: Sendable {
    struct Sample: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var status: Int
        var contentType: String?
        var body: ByteBuffer
    }

    private let samples = Mutex<[Sample]>([])

    func record(method: HTTPRequest.Method, uri: String, reply: Reply) {
        let path = String(uri.split(separator: "?", maxSplits: 1).first ?? "")
        samples.withLock {
            $0.append(Sample(method: method, path: path, status: Int(reply.status.code), contentType: reply.headers[.contentType], body: reply.body))
        }
    }

    var all: [Sample] { samples.withLock { $0 } }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
