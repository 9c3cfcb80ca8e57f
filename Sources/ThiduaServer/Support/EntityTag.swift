import Foundation
import Hummingbird

/// A record's version as an HTTP entity tag (`"v7"`), and the version an `If-Match` asks for.
enum EntityTag {
    static func `for`(version: Int) -> String { "\"v\(version)\"" }

    /// The version in `If-Match`: `nil` when the header is absent. A malformed one is 400, and `*` is
    /// refused because it would defeat the purpose (overwriting whatever is there).
    static func expectedVersion(in request: Request) throws -> Int? {
        guard let header = request.headers[.ifMatch] else { return nil }
        var tag = header.trimmingCharacters(in: .whitespaces)
        if tag.hasPrefix("W/") { tag.removeFirst(2) }
        guard tag.count > 3, tag.hasPrefix("\"v"), tag.hasSuffix("\""), let version = Int(tag.dropFirst(2).dropLast()), version > 0
        else { throw APIError.badParameter("If-Match") }
        return version
    }

    /// The version a write expects: `If-Match`, else `version` in the body, else 428.
    static func requiredVersion(in request: Request, body: Int?) throws -> Int {
        if let version = try expectedVersion(in: request) { return version }
        if let body { return body }
        throw APIError.ifMatchRequired
    }
}
