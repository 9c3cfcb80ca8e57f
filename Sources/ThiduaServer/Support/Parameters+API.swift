import Foundation
import Hummingbird

extension RequestContext {
    /// A path parameter that must be a UUID: anything else is 404, as no record has such an id.
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw APIError(.notFound, code: "not_found", vietnamese: "Không tìm thấy hồ sơ.", english: "No such record.")
        }
        return id
    }
}

extension Parameters {
    /// An optional query parameter that must be a UUID when present (400 otherwise).
    func uuid(_ name: String) throws -> UUID? {
        guard let text = self[Substring(name)] else { return nil }
        guard let id = UUID(uuidString: String(text)) else { throw APIError.badParameter(name) }
        return id
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[Substring(name)] else { return nil }
        guard let value = Int(String(text)), range.contains(value) else { throw APIError.badParameter(name) }
        return value
    }

    func date(_ name: String) throws -> Date? {
        guard let text = self[Substring(name)] else { return nil }
        guard let date = APIDate.parse(String(text)) else { throw APIError.badParameter(name) }
        return date
    }
}
