import Foundation
import Hummingbird
import NIOCore

/// Reads a request's JSON body strictly: `application/json`, at most ``maximumBytes``, valid UTF-8, well-formed,
/// with the right types. Each failure is its own 4xx naming the field at fault.
enum JSONBody {
    /// 1 MiB: a nomination's text is far smaller; documents go through the attachment route, which has its own.
    static let maximumBytes = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        guard let contentType = request.headers[.contentType],
              contentType.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces) == "application/json"
        else { throw APIError.unsupportedMediaType }
        let buffer = try await request.body.collect(upTo: maximumBytes)
        guard buffer.readableBytes > 0 else { throw APIError.emptyBody }
        let bytes = Data(buffer.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else { throw APIError.invalidUTF8 }
        if let field = NULCharacter.field(inJSON: bytes) { throw NULCharacter.refusal(field) }
        do {
            return try JSONDecoder.api.decode(T.self, from: bytes)
        } catch let error as DecodingError {
            throw Self.apiError(error)
        } catch let error as APIError {
            throw error
        }
    }

    /// Type and presence errors name the field (`nominee.kind`) and are 422; syntax errors are 400.
    static func apiError(_ error: DecodingError) -> APIError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .malformedJSON(context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return .invalidField(field, vietnamese: "Giá trị của “\(field)” không hợp lệ.", english: "The value of \(field) is not valid.")
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .invalidField(field, vietnamese: "Thiếu trường “\(field)”.", english: "The field \(field) is missing.")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return .invalidField(
                field, vietnamese: "Trường “\(field)” phải có kiểu \(describe(type)).", english: "The field \(field) must be \(describe(type)).")
        @unknown default:
            return .malformedJSON("\(error)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "\($0)" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "string"
        case is Int.Type, is Double.Type, is Decimal.Type: "number"
        case is Bool.Type: "boolean"
        case is UUID.Type: "uuid"
        default: "\(type)".lowercased().contains("array") ? "array" : "object"
        }
    }
}

extension JSONDecoder {
    /// Dates are ISO 8601 everywhere in the API; a calendar day may come alone (``APIDate``).
    static var api: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = APIDate.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Expected an ISO 8601 date (2021-12-20 or 2021-12-20T08:30:00Z), found \(text)")
            }
            return date
        }
        return decoder
    }
}
