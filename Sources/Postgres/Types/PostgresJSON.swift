import Foundation

/// A `Codable` value stored as `jsonb` (sent as `jsonb`, read from `jsonb` or `json`).
///
/// ```swift
/// let figures = PostgresJSON(["2021": 1_200, "2022": 1_450])
/// try await connection.query("INSERT INTO t (data) VALUES (\(figures))")
/// let back = try row.decode(PostgresJSON<[String: Int]>.self, column: "data").value
/// ```
public struct PostgresJSON<Value: Codable & Sendable>: PostgresArrayElement {
    public var value: Value
    public init(_ value: Value) { self.value = value }

    public static var postgresType: PostgresDataType { .jsonb }
    public static var postgresArrayType: PostgresDataType { .jsonbArray }

    /// jsonb's binary format is a version byte followed by the JSON text.
    private static var jsonbVersion: UInt8 { 1 }

    public func encode(into buffer: inout [UInt8]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        buffer.append(Self.jsonbVersion)
        buffer.append(contentsOf: try encoder.encode(value))
    }

    public static func decode(from cell: PostgresCell) throws(PostgresCellError) -> PostgresJSON<Value> {
        var bytes = try cell.bytes(accepting: .jsonb, .json)
        if cell.type == .jsonb {
            guard bytes.first == jsonbVersion else { throw .malformed("unknown jsonb format version") }
            bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        }
        do {
            return PostgresJSON(try JSONDecoder().decode(Value.self, from: Data(bytes)))
        } catch {
            throw .malformed("JSON does not match \(Value.self): \(error)")
        }
    }
}

extension PostgresJSON: Equatable where Value: Equatable {}
