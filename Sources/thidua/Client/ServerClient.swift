import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Talks to a running thidua server's JSON API as one signed-in user (or none, to sign in).
///
/// Refusals come back as ``ServerError`` with the server's bilingual message; an unreachable server as
/// ``ServerUnreachable``.
struct ServerClient: Sendable {
    var server: URL
    var token: String?

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var eTag: String?

        /// The JSON body as `T`.
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: body)
        }
    }

    /// One exchange, sent again up to `retries` times a second apart when no answer came at all.
    private static func exchange(_ request: URLRequest, retries: Int) async throws -> (Data, URLResponse) {
        do {
            return try await URLSession.shared.data(for: request)
        } catch where retries > 0 {
            try await Task.sleep(for: .seconds(1))
            return try await exchange(request, retries: retries - 1)
        }
    }

    /// Sends one request; any status outside 2xx throws ``ServerError``. The body is `json`, or `content` with its
    /// media type (a document to upload). `timeout` is how long the server may stay silent before the request is
    /// given up.
    @discardableResult
    func send(
        _ method: String, _ path: String, query: [String: String?] = [:], json: Data? = nil,
        content: (data: Data, mediaType: String)? = nil, headers: [String: String] = [:], timeout: Duration = .seconds(60)
    ) async throws -> Reply {
        guard var components = URLComponents(url: server.appendingPathComponent(path), resolvingAgainstBaseURL: false) else {
            throw ServerUnreachable(server: server.absoluteString, reason: "not a URL")
        }
        let items = query.compactMap { key, value in value.map { URLQueryItem(name: key, value: $0) } }.sorted { $0.name < $1.name }
        if !items.isEmpty { components.queryItems = items }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        request.timeoutInterval = Double(timeout.components.seconds)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body = json.map({ (data: $0, mediaType: "application/json") }) ?? content {
            request.httpBody = body.data
            request.setValue(body.mediaType, forHTTPHeaderField: "Content-Type")
        }
        // Every create carries an Idempotency-Key, so the one retry below after a lost answer (the connection
        // dropped after the server committed) gets the first answer again instead of making it twice.
        let retriable = method == "POST"
        if retriable { request.setValue(UUID().uuidString.lowercased(), forHTTPHeaderField: "Idempotency-Key") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await Self.exchange(request, retries: retriable ? 1 : 0)
        } catch {
            throw ServerUnreachable(server: server.absoluteString, reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else {
            throw ServerUnreachable(server: server.absoluteString, reason: "not an HTTP answer")
        }
        guard (200..<300).contains(http.statusCode) else { throw ServerError(status: http.statusCode, body: data) }
        return Reply(status: http.statusCode, body: data, eTag: http.value(forHTTPHeaderField: "ETag"))
    }

    /// `JSONSerialization` of a dictionary built from command-line flags.
    static func json(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }
}
